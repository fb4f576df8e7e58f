import { describe, expect, it } from 'vitest';
import { editorShell } from './client-shell.js';

const built = `<!doctype html>
<html lang="en">
  <head>
    <title>RealBrand</title>
    <meta name="realbrand-editor-preload" content="/assets/EditorPage-abc.js /assets/EditorPage-abc.css /assets/fabric-x1.js">
  </head>
  <body><div id="root"></div></body>
</html>`;

describe('editorShell', () => {
  it('announces the editor files in the head, scripts as modulepreload and styles as preload', () => {
    const html = editorShell(built);
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/EditorPage-abc.js">');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/fabric-x1.js">');
    expect(html).toContain('<link rel="preload" as="style" crossorigin href="/assets/EditorPage-abc.css">');
    expect(html.indexOf('modulepreload')).toBeLessThan(html.indexOf('</head>'));
  });

  it('leaves index.html alone without the meta tag (dev build) and ignores anything that is not a built asset', () => {
    const plain = built.replace(/<meta name="realbrand-editor-preload"[^>]*>/, '');
    expect(editorShell(plain)).toBe(plain);
    const odd = built.replace('/assets/fabric-x1.js', '"><script>alert(1)</script>').replace('/assets/EditorPage-abc.js /assets/EditorPage-abc.css', 'https://evil.test/x.js');
    expect(editorShell(odd)).toBe(odd);
  });
});
