import http from "node:http";

export type SseEvent = { id?: string; event: string; data: string; at: number };

/**
 * One server-sent-events connection, parsed as it arrives; `at` is
 * performance.now() when the chunk holding the event's end was read.
 */
export class SseConnection {
  private req?: http.ClientRequest;
  private res?: http.IncomingMessage;
  status = 0;
  contentType = "";
  /** Set when the server ended the stream or the connection broke (not by `close()`). */
  ended = false;
  private closing = false;
  body = "";

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string>,
    private readonly onEvent: (e: SseEvent) => void,
  ) {}

  /** Resolves once the response headers are in. */
  open(timeoutMs = 15_000): Promise<void> {
    const u = new URL(this.url);
    return new Promise<void>((resolve, reject) => {
      const req = http.request(
        { host: u.hostname, port: u.port, path: u.pathname + u.search, method: "GET", headers: { accept: "text/event-stream", ...this.headers }, agent: false },
        (res) => {
          this.res = res;
          this.status = res.statusCode ?? 0;
          this.contentType = String(res.headers["content-type"] ?? "");
          res.setEncoding("utf8");
          let buf = "";
          const isStream = this.status === 200 && this.contentType.startsWith("text/event-stream");
          res.on("data", (chunk: string) => {
            const at = performance.now();
            if (!isStream) {
              this.body += chunk;
              return;
            }
            buf += chunk;
            let cut: number;
            while ((cut = buf.search(/\r?\n\r?\n/)) >= 0) {
              const block = buf.slice(0, cut);
              buf = buf.slice(buf.slice(cut).match(/^\r?\n\r?\n/)![0].length + cut);
              let id: string | undefined;
              let event = "message";
              const data: string[] = [];
              for (const line of block.split(/\r?\n/)) {
                if (line.startsWith(":")) continue;
                const i = line.indexOf(":");
                const field = i < 0 ? line : line.slice(0, i);
                const value = i < 0 ? "" : line.slice(i + 1).replace(/^ /, "");
                if (field === "id") id = value;
                else if (field === "event") event = value;
                else if (field === "data") data.push(value);
              }
              if (data.length || id !== undefined) this.onEvent({ id, event, data: data.join("\n"), at });
            }
          });
          res.on("error", () => {});
          res.on("close", () => {
            if (!this.closing) this.ended = true;
          });
          resolve();
        },
      );
      this.req = req;
      req.setTimeout(timeoutMs, () => req.destroy(new Error("SSE connection timed out")));
      req.on("error", (err) => reject(err));
      req.end();
    }).then(() => {
      // Headers are in: from now on the stream may idle as long as it likes.
      this.req?.setTimeout(0);
    });
  }

  close() {
    this.closing = true;
    this.res?.destroy();
    this.req?.destroy();
  }
}
