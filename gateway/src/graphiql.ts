import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { Router } from 'express';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** GraphiQL's files, served from the installed packages: nothing loads from a CDN. */
const ASSETS: Record<string, string> = {
  'react.js': join(packageDir('react'), 'umd/react.production.min.js'),
  'react-dom.js': join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
  'graphiql.js': join(packageDir('graphiql'), 'graphiql.min.js'),
  'graphiql.css': join(packageDir('graphiql'), 'graphiql.min.css'),
};

const CATALOGUE =
  '# 上海市专业技术人员继续教育公需科目 · the whole programme in one graph\n' +
  'query Catalogue($year: Int! = 2021) {\n  institutions {\n    code\n    name\n    isLeadUnit\n' +
  '    profile {\n      address\n      contacts { name phones }\n      courses(year: $year) {\n' +
  '        title category hours days feeFen\n        sessions { id startsAt deliveryMode capacity seatsTaken }\n' +
  '      }\n    }\n  }\n}\n';

/** The worked questions of docs/analysts.md, each with the comment that asks it: GraphiQL's other tabs. */
export const ANALYST_EXAMPLES: readonly string[] = readFileSync(new URL('../analyst-examples.graphql', import.meta.url), 'utf8')
  .split(/\n(?=# \d+\. )/)
  .slice(1)
  .map((example) => `${example.trim()}\n`);

const INIT_SCRIPT = `
const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
const root = ReactDOM.createRoot(document.getElementById('graphiql'));
root.render(React.createElement(GraphiQL, {
  fetcher,
  defaultEditorToolsVisibility: true,
  shouldPersistHeaders: false,
  defaultQuery: ${JSON.stringify(CATALOGUE)},
  defaultTabs: ${JSON.stringify([CATALOGUE, ...ANALYST_EXAMPLES].map((query) => ({ query })))},
}));
`;

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>学时 GraphiQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/react.js"></script>
<script src="/graphiql/react-dom.js"></script>
<script src="/graphiql/graphiql.js"></script>
<script src="/graphiql/init.js"></script>
</body>
</html>
`;

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves GraphiQL on GET /graphql for browsers, with its assets under /graphiql/. */
export function graphiqlRoutes(router: Router): void {
  router.get('/graphiql/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT_SCRIPT);
  });
  for (const [name, file] of Object.entries(ASSETS)) {
    router.get(`/graphiql/${name}`, (_req, res) => {
      // The packages live under node_modules/.pnpm, a dot-folder sendFile refuses unless it is the root.
      res.sendFile(basename(file), { root: dirname(file), maxAge: '1h' });
    });
  }
  router.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') {
      next();
      return;
    }
    res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY).type('html').send(PAGE);
  });
}
