import { readFileSync } from 'node:fs';
import { INSTITUTIONS } from '@xueshi/institutions';
import { SUBGRAPHS, subgraphUrlVariable } from '@xueshi/institutions/topology';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

interface ComposeService {
  environment?: Record<string, string>;
  volumes?: string[];
}

/** docker-compose.yml's services, with `<<: *anchor` merges applied. */
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};

describe('the list of institutions is the one place an institution is added', () => {
  it('gives each institution a port and an invoice number of its own, never derived from its place in the list', () => {
    const ports = SUBGRAPHS.map(({ defaultPort }) => defaultPort);
    expect(new Set(ports).size).toBe(ports.length);
    const issuers = INSTITUTIONS.map(({ invoiceIssuerNumber }) => invoiceIssuerNumber);
    expect(new Set(issuers).size).toBe(issuers.length);
    for (const issuer of issuers)
      expect(issuer).toSatisfy((value: number) => Number.isInteger(value) && value >= 1 && value <= 99);
  });

  it('is what docker-compose.yml deploys: one service and one database per subgraph, each reachable where the list says', () => {
    const subgraphServices = Object.entries(compose.services).filter(([, service]) =>
      service.environment?.['SERVICE']?.startsWith('subgraphs/'),
    );
    expect(subgraphServices.map(([name]) => name).sort()).toEqual(SUBGRAPHS.map(({ name }) => name).sort());
    const urlOf = (name: string, port: number) => `http://${name}:${port}/graphql`;
    for (const { name, defaultPort } of SUBGRAPHS) {
      const environment = compose.services[name]?.environment ?? {};
      expect(environment['SERVICE'], name).toBe(`subgraphs/${name}`);
      expect(environment['PORT'], name).toBe(String(defaultPort));
      // A PostgreSQL schema name takes no hyphen.
      expect(environment['DATABASE_SCHEMA'], name).toBe(name.replace(/-/g, '_'));
      expect(environment['DATABASE_URL'], name).toContain(`@${name}-db:5432/`);
      expect(compose.services[`${name}-db`]?.volumes, name).toContain(`${name}-data:/var/lib/postgresql/data`);
      expect(Object.keys(compose.volumes)).toContain(`${name}-data`);
      expect(compose.services['gateway']?.environment?.[subgraphUrlVariable(name)], name).toBe(urlOf(name, defaultPort));
    }
    for (const { code, defaultPort } of INSTITUTIONS) {
      expect(compose.services['registry']?.environment?.[subgraphUrlVariable(code)], code).toBe(urlOf(code, defaultPort));
    }
  });

  it('is what the Dockerfile installs: every subgraph package', () => {
    const dockerfile = read('Dockerfile');
    for (const { name } of SUBGRAPHS) expect(dockerfile).toContain(`COPY subgraphs/${name}/package.json subgraphs/${name}/`);
  });

  it('is an image whose gateway serves the portal: built in a stage of its own, only its dist/ copied in', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/FROM \S+ AS portal\n[\s\S]*pnpm --filter @xueshi\/portal build\n/);
    expect(dockerfile).toContain('COPY --from=portal /app/apps/portal/dist apps/portal/dist');
    // A build left in the working tree never reaches the image in its place.
    expect(read('.dockerignore').split('\n')).toContain('apps/portal/dist');
  });

  it('is what Prometheus scrapes: every subgraph on its port', () => {
    const scraped = read('ops/prometheus.yml');
    for (const { name, defaultPort } of SUBGRAPHS) expect(scraped, name).toContain(`- ${name}:${defaultPort}\n`);
  });

  it("sends every service's spans to the trace viewer it runs, and keeps the gateway's /metrics off its public port", () => {
    expect(compose.services['jaeger']).toBeDefined();
    for (const name of ['gateway', ...SUBGRAPHS.map(({ name }) => name)]) {
      expect(compose.services[name]?.environment?.['OTEL_EXPORTER_OTLP_ENDPOINT'], name).toMatch(/http:\/\/jaeger:4318\}?$/);
    }
    const metricsPort = compose.services['gateway']?.environment?.['METRICS_PORT'];
    expect(metricsPort).toMatch(/^\d+$/);
    const scraped = read('ops/prometheus.yml');
    expect(scraped).toContain(`- gateway:${metricsPort}`);
    expect(scraped).not.toContain('- gateway:4000');
  });
});
