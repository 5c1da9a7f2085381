/**
 * The GitHub workflows, checked here because no runner exists on this machine: every file against
 * SchemaStore's GitHub workflow schema, then what the release depends on (tags, tests, the shared
 * build step, artifacts, the release, permissions) and the archive site's shards (site.yml).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = path.join(root, '.github/workflows');
const require = createRequire(import.meta.url);
const SCHEMA_ID = 'https://json.schemastore.org/github-workflow.json';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  name?: string;
  if?: string;
  'runs-on'?: string;
  strategy?: { matrix: Record<string, unknown[]> };
  env?: Record<string, string>;
  uses?: string;
  with?: Record<string, unknown>;
  needs?: string | string[];
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, any>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

/** Where a JSON object that opens at `start` closes (strings and escapes skipped), or -1. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * SchemaStore's github-workflow.json as @action-validator/core ships it: compiled into its
 * WebAssembly module as text (no npm package ships the JSON file itself). Read out of the module
 * so ajv validates with it; the package's own validator runs as well.
 */
function schemaStoreWorkflowSchema(): Record<string, unknown> {
  const wasm = readFileSync(require.resolve('@action-validator/core/action_validator_bg.wasm')).toString('latin1');
  for (let at = wasm.indexOf(SCHEMA_ID); at >= 0; at = wasm.indexOf(SCHEMA_ID, at + 1)) {
    for (let start = wasm.lastIndexOf('{', at); start >= 0 && at - start < 10_000; start = wasm.lastIndexOf('{', start - 1)) {
      const end = closingBrace(wasm, start);
      if (end < at) continue;
      try {
        const doc = JSON.parse(Buffer.from(wasm.slice(start, end), 'latin1').toString('utf8')) as Record<string, unknown>;
        if (doc.$id === SCHEMA_ID) return doc;
      } catch {
        // not the opening brace of the schema: try the one before
      }
    }
  }
  throw new Error(`${SCHEMA_ID} not found in @action-validator/core`);
}

const schema = schemaStoreWorkflowSchema();
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, logger: false }).compile(schema);
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (file: string) => readFileSync(path.join(dir, file), 'utf8');
const load = (file: string) => parse(text(file)) as Workflow;
const release = load('release.yml');
const proofs = load('proofs.yml');
const pdfs = load('pdfs.yml');
const ci = load('ci.yml');
const siteFlow = load('site.yml');
const buildSteps = pdfs.jobs.build!.steps!;
const stepIndex = (match: (s: Step) => boolean) => buildSteps.findIndex(match);
const allSteps = files.flatMap((f) => Object.values(load(f).jobs).flatMap((job) => job.steps ?? []));

describe('the workflow files', () => {
  it('are ci.yml, release.yml, proofs.yml and the build they share, pdfs.yml, and the archive site, site.yml', () => {
    expect(files).toEqual(['ci.yml', 'pdfs.yml', 'proofs.yml', 'release.yml', 'site.yml']);
  });

  it("are checked against SchemaStore's draft-07 GitHub workflow schema", () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(schema.properties as object)).toEqual(expect.arrayContaining(['on', 'jobs', 'permissions', 'concurrency']));
  });

  it.each(files)('%s is valid (ajv, and action-validator)', (file) => {
    expect(validate(parse(text(file))), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(validateWorkflow(text(file)).errors).toEqual([]);
  });

  const broken: Array<[string, (w: any) => void]> = [
    ['a misspelt trigger filter', (w) => (w.on.push = { tagz: ['so-*'] })],
    ['a job without runs-on', (w) => delete w.jobs.release['runs-on']],
    ['an unknown permission level', (w) => (w.permissions = { contents: 'admin' })],
    ['a step that neither runs nor uses', (w) => (w.jobs.release.steps[1] = { name: 'nothing' })],
    ['a timeout that is no number', (w) => (w.jobs.release['timeout-minutes'] = 'soon')],
    ['no jobs', (w) => delete w.jobs],
  ];
  it.each(broken)('the schema rejects release.yml with %s', (_name, mutate) => {
    const doc = structuredClone(release);
    mutate(doc);
    expect(validate(doc)).toBe(false);
  });
});

describe('release.yml', () => {
  it('runs when a tag so-* (an issue) or v* (a bantin release) is pushed, and only then', () => {
    expect(release.on).toEqual({ push: { tags: ['so-*', 'v*'] } });
  });

  it('builds through pdfs.yml, named after the tag; the whole test suite for v*, the fast tests for so-*', () => {
    expect(release.jobs.pdfs).toMatchObject({ uses: './.github/workflows/pdfs.yml', with: { name: '${{ github.ref_name }}', 'full-tests': "${{ startsWith(github.ref_name, 'v') }}" } });
  });

  it('reads by default; the job that attaches writes contents, the one that publishes gets an id token', () => {
    expect(release.permissions).toEqual({ contents: 'read' });
    const writers = Object.entries(release.jobs).filter(([, job]) => Object.values(job.permissions ?? {}).includes('write'));
    expect(writers.map(([id, job]) => [id, job.permissions])).toEqual([
      ['release', { contents: 'write' }],
      ['publish', { contents: 'read', 'id-token': 'write' }],
    ]);
  });

  it('publishes v* tags to npm with provenance, after the tests, when tag, version and repository agree', () => {
    const job = release.jobs.publish!;
    expect(job).toMatchObject({ if: "startsWith(github.ref_name, 'v')", needs: 'pdfs' });
    const steps = job.steps!;
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({ 'registry-url': 'https://registry.npmjs.org' });
    const check = steps.findIndex((s) => s.run?.includes('require(\'./package.json\').version'));
    const publish = steps.findIndex((s) => s.run === 'npm publish --provenance --access public');
    expect(check).toBeGreaterThan(0);
    expect(publish).toBeGreaterThan(check);
    expect(steps[check]!.env).toEqual({ TAG: '${{ github.ref_name }}', REPO: '${{ github.server_url }}/${{ github.repository }}' });
    expect(steps[publish]!.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
    // The check's own script, run here: this package.json passes for its tag and its repository.
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; repository: { url: string } };
    const repo = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    const run = (env: Record<string, string>) => spawnSync('bash', ['-c', steps[check]!.run!], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(run({ TAG: `v${pkg.version}`, REPO: repo }).status).toBe(0);
    expect(run({ TAG: 'v99.0.0', REPO: repo }).stdout).toContain('::error::tag v99.0.0');
    expect(run({ TAG: `v${pkg.version}`, REPO: 'https://github.com/someone/else' }).status).toBe(1);
  });

  it('gives the id token to the publishing jobs only (npm, GitHub Pages), in every workflow', () => {
    const withToken = files.flatMap((f) => [load(f).permissions, ...Object.values(load(f).jobs).map((j) => j.permissions)]).filter((p) => p?.['id-token']);
    expect(withToken).toEqual([release.jobs.publish!.permissions, siteFlow.jobs.pages!.permissions]);
  });

  it("attaches the artifact the build uploaded to the tag's release, creating it when needed", () => {
    const job = release.jobs.release!;
    expect(job.needs).toBe('pdfs');
    const download = job.steps!.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toEqual({ name: '${{ needs.pdfs.outputs.artifact }}', path: 'pdfs' });
    const attach = job.steps!.find((s) => s.run?.includes('gh release upload'))!;
    expect(attach.env).toEqual({ GH_TOKEN: '${{ github.token }}', GH_REPO: '${{ github.repository }}', TAG: '${{ github.ref_name }}' });
    expect(attach.run).toContain('gh release create "$TAG" --verify-tag');
    expect(attach.run).toContain('gh release upload "$TAG" pdfs/*.pdf --clobber');
  });

  it('never runs two releases of one tag at once', () => {
    expect(release.concurrency).toEqual({ group: 'release-${{ github.ref_name }}', 'cancel-in-progress': false });
  });
});

describe('proofs.yml', () => {
  it('builds the PDFs of every pull request through pdfs.yml, read-only, the newest push winning', () => {
    expect(Object.keys(proofs.on)).toEqual(['pull_request']);
    expect(proofs.jobs).toEqual({ pdfs: { name: 'PDFs', uses: './.github/workflows/pdfs.yml', with: { name: 'pr-${{ github.event.pull_request.number }}' } } });
    expect(proofs.permissions).toEqual({ contents: 'read' });
    expect(proofs.concurrency?.['cancel-in-progress']).toBe(true);
  });
});

describe('pdfs.yml, the build both share', () => {
  it('is a reusable workflow taking a name and giving the artifact it uploads, read-only', () => {
    expect(pdfs.on).toEqual({
      workflow_call: {
        inputs: { name: expect.objectContaining({ required: true, type: 'string' }), 'full-tests': expect.objectContaining({ required: false, type: 'boolean' }) },
        outputs: { artifact: expect.objectContaining({ value: '${{ jobs.build.outputs.artifact }}' }) },
      },
    });
    expect(pdfs.permissions).toEqual({ contents: 'read' });
    const upload = buildSteps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(pdfs.jobs.build!.outputs?.artifact).toBe(upload?.with?.name);
  });

  it('installs from the lockfile with Node 20 and the npm cache', () => {
    expect(buildSteps[0]?.uses).toMatch(/^actions\/checkout@/);
    expect(buildSteps[1]).toMatchObject({ uses: expect.stringMatching(/^actions\/setup-node@/), with: { 'node-version': 20, cache: 'npm' } });
    expect(buildSteps[2]?.run).toMatch(/^npm ci\b/);
  });

  it("gets Debian's chromium-headless-shell where apt has it, else the chrome-headless-shell of the locked puppeteer-core, cached", () => {
    const choose = buildSteps.find((s) => s.id === 'browser')!;
    expect(choose.run).toContain('apt-cache policy chromium-headless-shell');
    // The very lookup the workflow runs gives a version with the puppeteer-core installed here.
    const lookup = /node -p "([^"]+)"/.exec(choose.run!)![1]!;
    expect(execFileSync(process.execPath, ['-p', lookup], { cwd: root, encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const cache = buildSteps.find((s) => s.uses?.startsWith('actions/cache@'))!;
    expect(cache).toMatchObject({ if: "steps.browser.outputs.source == 'download'", with: { path: '~/.cache/puppeteer' } });
    expect(cache.with!.key).toContain('${{ steps.browser.outputs.version }}');
    const get = buildSteps.find((s) => s.run?.includes('@puppeteer/browsers install'))!;
    expect(get.run).toContain('"chrome-headless-shell@$VERSION" --path ~/.cache/puppeteer');
    expect(get.run).toContain('BANTIN_BROWSER=$browser" >> "$GITHUB_ENV"');
  });

  it('runs the whole test suite, under CI=true, unless full-tests is false: then the typecheck and unit tests', () => {
    expect(pdfs.on.workflow_call.inputs['full-tests']).toMatchObject({ type: 'boolean', default: true });
    const full = buildSteps[stepIndex((s) => s.run === 'npm test')]!;
    expect(full).toMatchObject({ if: 'inputs.full-tests', env: { CI: 'true' } });
    const fast = buildSteps.find((s) => s.if === '${{ !inputs.full-tests }}');
    expect(fast?.run).toBe('npm run typecheck && npm run test:unit');
  });

  it('installs the PDF tools, runs npm test, builds with npm run release:local, then uploads', () => {
    const tools = stepIndex((s) => /apt-get install .*poppler-utils ghostscript qpdf/.test(s.run ?? ''));
    const test = stepIndex((s) => s.run === 'npm test');
    const build = stepIndex((s) => s.id === 'build');
    const upload = stepIndex((s) => Boolean(s.uses?.startsWith('actions/upload-artifact@')));
    expect([tools, test, build, upload].every((i) => i > 2)).toBe(true);
    expect(tools < test && test < build && build < upload).toBe(true);

    expect(buildSteps[build]).toMatchObject({ run: 'npm run release:local -- "$NAME"', env: { NAME: '${{ inputs.name }}' } });
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['release:local']).toBe('node scripts/release-local.js');
    expect(existsSync(path.join(root, 'scripts/release-local.js'))).toBe(true);

    // release-local.js reports its folder as the step output `dir`; exactly its PDFs are uploaded.
    expect(buildSteps[upload]!.with).toEqual({ name: 'pdfs-${{ inputs.name }}', path: '${{ steps.build.outputs.dir }}/*.pdf', 'if-no-files-found': 'error' });
  });

  it('takes the issues folder from BANTIN_ISSUES_DIR, a repository variable unless set here', () => {
    expect(pdfs.env).toEqual({ BANTIN_ISSUES_DIR: '${{ vars.BANTIN_ISSUES_DIR }}' });
    expect(readFileSync(path.join(root, 'scripts/release-local.js'), 'utf8')).toContain('process.env.BANTIN_ISSUES_DIR');
  });
});

describe('every workflow', () => {
  it('calls local reusable workflows that exist, with the inputs they declare', () => {
    for (const file of files) {
      for (const job of Object.values(load(file).jobs).filter((j) => j.uses?.startsWith('./'))) {
        const called = load(path.basename(job.uses!));
        const inputs = called.on.workflow_call.inputs as Record<string, { required?: boolean }>;
        expect(Object.keys(job.with ?? {}).filter((k) => !(k in inputs))).toEqual([]);
        expect(Object.keys(inputs).filter((k) => inputs[k]!.required && !(k in (job.with ?? {})))).toEqual([]);
      }
    }
  });

  it('has shell scripts that bash can parse', () => {
    const scripts = allSteps.flatMap((s) => (s.run ? [s.run] : []));
    expect(scripts.length).toBeGreaterThan(6);
    for (const script of scripts) execFileSync('bash', ['-n'], { input: script, stdio: ['pipe', 'ignore', 'pipe'] });
  });

  it('passes values to shell scripts through env, never pasted in as ${{ }} (no script injection)', () => {
    expect(allSteps.filter((s) => s.run?.includes('${{')).map((s) => s.name)).toEqual([]);
  });

  it('pins every action to a commit SHA, with its release tag in a comment, the same one everywhere', () => {
    const lines = files.flatMap((f) => text(f).split('\n')).filter((l) => /^\s*(- )?uses: /.test(l) && !l.includes('uses: ./'));
    expect(lines.length).toBeGreaterThan(8);
    // An action's sub-action (actions/cache/restore) is pinned like the action itself.
    const pinned = lines.map((l) => /uses: ([\w-]+\/[\w.-]+)(?:\/[\w.-]+)?@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/.exec(l));
    expect(lines.filter((_l, i) => !pinned[i])).toEqual([]);
    const byAction = new Map<string, Set<string>>();
    for (const m of pinned) byAction.set(m![1]!, (byAction.get(m![1]!) ?? new Set()).add(`${m![2]} ${m![3]}`));
    expect([...byAction].filter(([, pins]) => pins.size > 1)).toEqual([]);
  });

  it('are kept current by Dependabot, which updates the SHAs and their tag comments', () => {
    const dependabot = parse(readFileSync(path.join(root, '.github/dependabot.yml'), 'utf8')) as { version: number; updates: Array<Record<string, any>> };
    expect(dependabot.version).toBe(2);
    expect(dependabot.updates).toContainEqual(expect.objectContaining({ 'package-ecosystem': 'github-actions', directory: '/', schedule: { interval: 'weekly' } }));
  });

  it('is explained: the README says how to publish and rebuild, docs/publishing.md every tag pattern', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const start = readme.indexOf('## Publishing with CI');
    const section = start < 0 ? '' : readme.slice(start, readme.indexOf('\n## ', start + 1));
    expect(section.length).toBeGreaterThan(200);
    expect(section).toContain('npm run release:local -- so-21-2026');
    expect(section).toContain('(docs/publishing.md)');
    const publishing = readFileSync(path.join(root, 'docs/publishing.md'), 'utf8');
    for (const pattern of release.on.push.tags as string[]) expect(publishing).toContain(`\`${pattern}\``);
    expect(publishing).toContain('npm run release:local -- so-21-2026');
  });
});

describe('ci.yml, on every push and pull request', () => {
  it('runs on pushes to branches and on pull requests, read-only, the newest push winning', () => {
    expect(ci.on).toEqual({ push: { branches: ['**'] }, pull_request: null });
    expect(ci.permissions).toEqual({ contents: 'read' });
    expect(ci.concurrency).toEqual({ group: 'ci-${{ github.ref }}', 'cancel-in-progress': true });
  });

  it('typechecks and runs the unit and end-to-end tests on Node 20, 22 and 24, with every PDF tool', () => {
    const job = ci.jobs.test!;
    expect(job.strategy!.matrix).toEqual({ node: [20, 22, 24] });
    const steps = job.steps!;
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with).toEqual({ 'node-version': '${{ matrix.node }}', cache: 'npm' });
    const runs = steps.map((s) => s.run ?? '');
    const at = (script: string) => runs.indexOf(script);
    expect(at('npm ci --no-audit --no-fund')).toBeGreaterThan(0);
    expect(runs.some((r) => /apt-get install .*poppler-utils ghostscript qpdf/.test(r))).toBe(true);
    expect(at('npm ci --no-audit --no-fund') < at('npm run typecheck') && at('npm run typecheck') < at('npm run test:unit') && at('npm run test:unit') < at('npm run test:e2e')).toBe(true);
    expect(steps[at('npm run test:e2e')]!.env).toEqual({ CI: 'true' });
    // The browser goes into puppeteer's cache (~/.cache/puppeteer), the first place bantin looks.
    expect(runs.join('\n')).toContain('npx @puppeteer/browsers install "chrome-headless-shell@$VERSION" --path ~/.cache/puppeteer');
  });

  it('builds the example on Linux, macOS and Windows with the browser found where it is installed', () => {
    const job = ci.jobs.example!;
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    const os = job.strategy!.matrix.os as string[];
    expect(os.map((o) => o.split('-')[0])).toEqual(['ubuntu', 'macos', 'windows']);
    expect(ci.env).toBeUndefined();
    const steps = job.steps!;
    expect(steps.some((s) => s.run === 'npm ci --no-audit --no-fund && npm run build')).toBe(true);
    const build = steps.find((s) => s.run?.includes('bin/bantin.js build examples/so-20-2026.yaml'))!;
    expect(build.run).not.toContain('--browser');
    expect(build.env).toBeUndefined();
    expect(build.run).toContain('-o "out dir/số 20 2026.pdf"');
  });

  it('runs bash on every runner, Windows included', () => {
    expect((ci as unknown as { defaults: unknown }).defaults).toEqual({ run: { shell: 'bash' } });
  });
});

describe('site.yml, the archive site of a tag', () => {
  const shard = siteFlow.jobs.shard!;
  const join = siteFlow.jobs.join!;
  const step = (job: Job, match: (s: Step) => boolean) => job.steps!.findIndex(match);

  it('runs on so-* tags (and by hand), read-only by default', () => {
    expect(siteFlow.on).toEqual({ push: { tags: ['so-*'] }, workflow_dispatch: null });
    expect(siteFlow.permissions).toEqual({ contents: 'read' });
    expect(siteFlow.env).toMatchObject({ BANTIN_ISSUES_DIR: '${{ vars.BANTIN_ISSUES_DIR }}' });
  });

  it('splits the issues across a matrix of shards, as many as SHARDS says, each uploading only its folders', () => {
    const shards = shard.strategy!.matrix.shard as number[];
    expect(shards).toEqual(Array.from({ length: Number(siteFlow.env!.SHARDS) }, (_, i) => i + 1));
    const restore = step(shard, (s) => s.uses?.startsWith('actions/cache/restore@') ?? false);
    const build = step(shard, (s) => s.run?.includes('bin/bantin.js site') ?? false);
    const upload = step(shard, (s) => s.uses?.startsWith('actions/upload-artifact@') ?? false);
    expect(restore).toBeGreaterThan(0);
    expect(restore < build && build < upload).toBe(true);
    expect(shard.steps![build]!.run).toContain('-o site --shard "$SHARD/$SHARDS" > folders.txt');
    expect(shard.steps![build]!.env).toEqual({ SHARD: '${{ matrix.shard }}' });
    expect(shard.steps![upload]!.with).toMatchObject({ name: 'site-shard-${{ matrix.shard }}', path: 'part', 'include-hidden-files': true });
  });

  it('joins the shards, writes the index with --index-only, keeps the site for the next run and uploads it', () => {
    expect(join.needs).toBe('shard');
    const download = step(join, (s) => s.uses?.startsWith('actions/download-artifact@') ?? false);
    const index = step(join, (s) => s.run === 'node bin/bantin.js site --index-only -o site');
    const save = step(join, (s) => s.uses?.startsWith('actions/cache/save@') ?? false);
    const upload = step(join, (s) => s.uses?.startsWith('actions/upload-artifact@') ?? false);
    expect(join.steps![download]!.with).toEqual({ pattern: 'site-shard-*', 'merge-multiple': true, path: 'site' });
    expect(download < index && index < save && save < upload).toBe(true);
    expect(join.steps![save]!.with).toEqual({ path: 'site', key: 'site-${{ github.sha }}' });
    expect(join.steps![upload]!.with).toMatchObject({ name: 'site-${{ github.ref_name }}', path: 'site' });
  });

  it('publishes to GitHub Pages only when BANTIN_PAGES is true, from the join', () => {
    const pages = siteFlow.jobs.pages!;
    expect(pages).toMatchObject({ if: "vars.BANTIN_PAGES == 'true'", needs: 'join', permissions: { pages: 'write', 'id-token': 'write' } });
    expect(join.steps!.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))).toMatchObject({ if: "vars.BANTIN_PAGES == 'true'", with: { path: 'site' } });
  });
});
