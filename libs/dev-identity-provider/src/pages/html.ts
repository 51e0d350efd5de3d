import { createHash } from 'node:crypto';

/** Text made safe to place in HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

// One small stylesheet for every page: system fonts, no external resources, readable at 320 px, visible focus.
const STYLESHEET = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c2430;background:#f3f5f8}
main{width:100%;max-width:26rem;margin:0 auto;padding:2rem 1rem}
.card{background:#fff;border:1px solid #d5dbe3;border-radius:8px;padding:1.5rem}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .5rem}
p{margin:0 0 1rem}
.notice{font-size:.875rem;color:#4a5565;border-left:4px solid #c98a00;background:#fff8e6;padding:.5rem .75rem}
.error{color:#a4161a;background:#fdecec;border:1px solid #a4161a;border-radius:4px;padding:.5rem .75rem;font-weight:600}
label{display:block;font-weight:600;margin:0 0 .25rem}
input[type=text],input[type=password]{display:block;width:100%;font:inherit;padding:.625rem .75rem;margin:0 0 1rem;border:1px solid #8a94a3;border-radius:4px;background:#fff;color:inherit}
input[aria-invalid=true]{border-color:#a4161a}
button{display:block;width:100%;font:inherit;font-weight:600;padding:.625rem .75rem;margin:0 0 .75rem;border:1px solid #1d4ed8;border-radius:4px;background:#1d4ed8;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1d4ed8}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
code{font-size:1.5rem;letter-spacing:.1em}
`;

const STYLESHEET_HASH = createHash('sha256').update(STYLESHEET).digest('base64');

/** Nothing but the page's own stylesheet may load; no page may be framed (clickjacking of the login form). */
export const PAGE_CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'sha256-${STYLESHEET_HASH}'; base-uri 'none'; frame-ancestors 'none'`;

/** A complete HTML document; `body` must already be escaped. */
export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Tenure development sign-in</title>
<style>${STYLESHEET}</style>
</head>
<body>
<main>
<div class="card">
${body}
</div>
</main>
</body>
</html>
`;
}
