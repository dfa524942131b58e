import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const out = await build({ stdin: { contents: "import { cityFundBudget } from 'shequ-rules'; console.log(cityFundBudget);", resolveDir: process.cwd(), loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', splitting: true, outdir: 'size-out', metafile: true, write: false, logLevel: 'silent' });
const o = out.metafile.outputs; const entry = Object.keys(o).find((k) => o[k].entryPoint !== undefined);
const up = new Set([entry]); for (const k of up) for (const i of o[k].imports) if (i.kind === 'import-statement') up.add(i.path);
const raw = Buffer.concat(out.outputFiles.filter((f) => [...up].some((k) => f.path.endsWith(k))).map((f) => Buffer.from(f.contents)));
console.log(gzipSync(raw, { level: 9 }).length, 18 * 1024);
const inputs = Object.entries(o[entry].inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,25).map(([k,v])=>v.bytesInOutput+' '+k);
console.log(inputs.join('\n'));
