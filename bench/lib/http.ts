import http from "node:http";

/**
 * A minimal HTTP/1.1 client on node:http with keep-alive, so a timed request
 * costs one round trip on an open connection (as a browser tab's would).
 */

export type Res = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number; endedAt: number };

export class Client {
  readonly agent: http.Agent;
  cookie = "";

  constructor(
    readonly baseUrl: string,
    opts: { sockets?: number } = {},
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: opts.sockets ?? 1 });
  }

  request(method: string, path: string, opts: { body?: string | Buffer; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Res> {
    const url = new URL(path, this.baseUrl);
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
    if (opts.body !== undefined) headers["content-length"] = String(Buffer.byteLength(opts.body));
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const endedAt = performance.now();
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: endedAt - t0, endedAt });
          });
          res.on("error", reject);
        },
      );
      req.setTimeout(opts.timeoutMs ?? 60_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on("error", reject);
      if (opts.body !== undefined) req.write(opts.body);
      req.end();
    });
  }

  get(path: string, opts: { headers?: Record<string, string>; timeoutMs?: number } = {}) {
    return this.request("GET", path, opts);
  }

  putJson(path: string, data: unknown) {
    return this.request("PUT", path, { body: JSON.stringify(data), headers: { "content-type": "application/json" } });
  }

  close() {
    this.agent.destroy();
  }
}

function cookiePairs(setCookie: string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of setCookie ?? []) {
    const pair = c.split(";")[0];
    const i = pair.indexOf("=");
    if (i > 0) out.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
  }
  return out;
}

/**
 * Signs in with email and password the way a browser does: GET the CSRF
 * token, POST the credentials form, keep the session cookie. Returns the
 * Cookie header to send with later requests.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const c = new Client(baseUrl);
  try {
    const csrf = await c.get("/api/auth/csrf");
    if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
    const { csrfToken } = JSON.parse(csrf.body.toString("utf8")) as { csrfToken: string };
    const jar = cookiePairs(csrf.headers["set-cookie"]);
    c.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const form = new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${baseUrl}/workspaces` }).toString();
    const res = await c.request("POST", "/api/auth/callback/credentials", {
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    for (const [k, v] of cookiePairs(res.headers["set-cookie"])) jar.set(k, v);
    const session = [...jar].find(([k]) => /(^|\.)next-auth\.session-token$/.test(k));
    if (!session) throw new Error(`Sign-in as ${email} failed (status ${res.status}): ${res.body.toString("utf8").slice(0, 200)}`);
    return `${session[0]}=${session[1]}`;
  } finally {
    c.close();
  }
}

/** Runs `fn` over `items` with at most `limit` running at once. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return out;
}
