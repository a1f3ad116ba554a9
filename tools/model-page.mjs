// model-page.mjs — the method (docs/model.md) as a page of the site, in the house style of the
// teachers' guide (its <style> block is reused, so that the two pages look alike), linked from
// the app's About window. Markdown by `marked` (npm, a devDependency); run by the site's build.
//   node tools/model-page.mjs docs/model.md web/teachers.html build/web/site/web/model.html
// Refuses (exit 1) a page that would show a file path of the repository: a reader has no use for one.
import fs from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';

const [source, styleFrom, out] = process.argv.slice(2);
if (!source || !styleFrom || !out) {
  console.error('usage: node tools/model-page.mjs MODEL.md STYLE-FROM.html OUT.html');
  process.exit(2);
}
const markdown = fs.readFileSync(source, 'utf8');
const style = (fs.readFileSync(styleFrom, 'utf8').match(/<style>[\s\S]*?<\/style>/) || [''])[0];
if (!style) {
  console.error(`model-page: no <style> block in ${styleFrom}`);
  process.exit(1);
}
// the first heading is the page's title; the rest is the body
const title = (markdown.match(/^#\s+(.+)$/m) || [, 'The model'])[1].trim();
const body = marked.parse(markdown.replace(/^#\s+.+$/m, ''), { gfm: true });
const paths = body.match(/\b(?:src|tests|docs|data|tools|web|shared)\/[\w.-]+(?:\/[\w.-]+)*/g);
if (paths) {
  console.error(`model-page: ${source} would show file paths to readers: ${[...new Set(paths)].join(', ')}`);
  process.exit(1);
}
const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="color-scheme" content="light">
<title>Techno-alliance map: ${escape(title.charAt(0).toLowerCase() + title.slice(1))}</title>
<meta name="description" content="How the techno-alliance map computes every figure: definitions, the propagation down the supply chain, the controls in force on a date, with worked examples.">
<link rel="icon" href="data:,">
${style}
<style>
  pre { background: var(--band); padding: .5rem .7rem; border-radius: 4px; overflow-x: auto; }
  pre code { padding: 0; background: none; }
  table { display: block; overflow-x: auto; }
</style>
</head>
<body>
<header>
  <p><a class="back" href="../">← Back to the map</a></p>
  <h1>${escape(title)}</h1>
  <p class="lead">How the map computes every figure it shows, from the published shares: the definitions, and worked
    examples small enough to check by hand.</p>
</header>
<main>
${body}
</main>
<footer>
  <p><a href="../">Back to the techno-alliance map</a> · <a href="teachers.html">A guide for teachers</a></p>
</footer>
</body>
</html>
`;
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, page);
