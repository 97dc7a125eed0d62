/** The admin process's own settings; everything else lives behind the REST API it proxies to. */
export interface AdminConfig {
  port: number;
  apiUrl: URL;
  host: string;
}

export function loadAdminConfig(env: NodeJS.ProcessEnv = process.env): AdminConfig {
  const problems: string[] = [];
  const port = Number(env.PORT ?? 3002);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT: expected a port number, got ${env.PORT}`);
  let apiUrl: URL | undefined;
  try {
    apiUrl = new URL(env.BAMBOO_API_URL ?? 'http://127.0.0.1:3000');
    if (!['http:', 'https:'].includes(apiUrl.protocol)) problems.push('BAMBOO_API_URL: expected an http(s) URL');
  } catch {
    problems.push(`BAMBOO_API_URL: not a URL: ${env.BAMBOO_API_URL}`);
  }
  if (problems.length > 0 || !apiUrl) throw new Error(`invalid admin configuration:\n- ${problems.join('\n- ')}`);
  // Without an API token nothing guards the console's operations: stay on loopback.
  return { port, apiUrl, host: env.BAMBOO_API_TOKEN ? '0.0.0.0' : '127.0.0.1' };
}
