import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * Renders its children, or nothing once they have failed: a secondary part
 * (a drawer whose code could not be fetched, say after a deploy replaced the
 * chunk) must not take the page around it down with it.
 */
export class OptionalPart extends Component<{ name: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.name} could not be shown`, error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
