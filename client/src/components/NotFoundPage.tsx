import { Link } from 'react-router-dom';

export function NotFoundPage({
  title = 'Page not found',
  message = 'The page you asked for does not exist.',
}: {
  title?: string;
  message?: string;
}) {
  return (
    <div className="center-page">
      <div className="empty-card">
        <h1>{title}</h1>
        <p>{message}</p>
        <Link className="btn btn-primary" to="/designs">
          Back to my designs
        </Link>
      </div>
    </div>
  );
}
