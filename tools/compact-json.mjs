// compact-json.mjs — rewrites the site's data files without indentation (what is served is what
// a visitor waits for: about 3 KB gzip less for the default data). The repository keeps them
// indented, to be read and diffed; a file that is not valid JSON is left as it is (the app's
// loader reports it).
//   node tools/compact-json.mjs build/web/site/data
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) { console.error('usage: node tools/compact-json.mjs DIR'); process.exit(2); }
for (const name of fs.readdirSync(dir)) {
  if (!name.endsWith('.json')) continue;
  const file = path.join(dir, name);
  const text = fs.readFileSync(file, 'utf8');
  try {
    fs.writeFileSync(file, JSON.stringify(JSON.parse(text)));
  } catch (e) {
    console.warn(`compact-json: ${name} left as it is (${e.message})`);
  }
}
