/**
 * What `NODE_ENV=production npm start` prints while the database holds no
 * organisation: the `advocacy-admin` commands that set one up, in order,
 * pointed at the same database as the server.
 */
export function setupGuide(where: { databaseUrl: string | undefined; dataDir: string }): string {
  const target = where.databaseUrl ? 'DATABASE_URL=… ' : where.dataDir === '.data' ? '' : `DATA_DIR=${where.dataDir} `;
  const run = (command: string): string => `${target}npx advocacy-admin ${command}`;
  const steps = [
    run('org create --name "Acme" --slug acme'),
    run('identity set --issuer https://login.acme.example/ --audience advocacy --jwks-url https://login.acme.example/.well-known/jwks.json --admin-role advocacy-admin'),
    run('identity test <a real employee token>'),
    run('origins add https://intranet.acme.example'),
    run('domains add acme.example'),
    run('keys create publishable --origin https://careers.acme.example'),
    run('keys create secret --scope testimonials:read --name "Career site server"'),
  ];
  return [
    'No organisation is set up in this database yet. Set one up with these commands, in order (your own names and addresses in place of Acme’s):',
    ...steps.map((step, index) => `  ${index + 1}. ${step}`),
    where.databaseUrl
      ? 'Run them with the same DATABASE_URL as this server; it picks the changes up at once.'
      : 'The embedded database is this process’s alone: stop this server before running them (or put the server on Postgres with DATABASE_URL).',
    'Every step is explained in the README, "Deploy for your organisation".',
  ].join('\n');
}
