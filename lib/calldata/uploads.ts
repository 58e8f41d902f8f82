import "server-only";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { config } from "@/lib/config";
import { notFound } from "@/lib/errors";
import { CallDataError } from "./errors";
import { uploadIdSchema } from "./schemas";

/**
 * The one place a CAD export touches the disk: a temporary file per upload,
 * readable only by this process's user, deleted when its import ends or
 * fails, when the person cancels, or after an hour unused.
 */
const DIR = path.join(os.tmpdir(), "crisis-plan-call-uploads");
const MAX_AGE_MS = 60 * 60 * 1000;

export function maxUploadBytes() {
  return config().CALL_IMPORT_MAX_MB * 1024 * 1024;
}

export function tooLarge() {
  return new CallDataError("too_large", `The file is larger than ${config().CALL_IMPORT_MAX_MB} MB, the largest call data file this app accepts. Export a shorter period, or ask your administrator to raise CALL_IMPORT_MAX_MB.`);
}

function fileFor(workspaceId: string, uploadId: string) {
  return path.join(DIR, `${workspaceId.replace(/[^a-zA-Z0-9]/g, "")}-${uploadId}`);
}

/** Deletes uploads left behind (closed tab, crashed process). */
export async function sweepUploads(now = Date.now()) {
  let names: string[] = [];
  try {
    names = await readdir(DIR);
  } catch {
    return;
  }
  await Promise.all(
    names.map(async (n) => {
      const p = path.join(DIR, n);
      const s = await stat(p).catch(() => null);
      if (s && now - s.mtimeMs > MAX_AGE_MS) await rm(p, { force: true });
    }),
  );
}

/** Streams a request body into a new temporary file; refuses it past the size limit. */
export async function receiveUpload(workspaceId: string, body: ReadableStream<Uint8Array> | NodeJS.ReadableStream | null, declaredBytes?: number) {
  const limit = maxUploadBytes();
  if (declaredBytes && declaredBytes > limit) throw tooLarge();
  if (!body) throw new CallDataError("empty_file", "The file is empty.");
  await mkdir(DIR, { recursive: true, mode: 0o700 });
  void sweepUploads();
  const uploadId = randomBytes(12).toString("hex");
  const file = fileFor(workspaceId, uploadId);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _e, cb) {
      bytes += chunk.length;
      if (bytes > limit) cb(tooLarge());
      else cb(null, chunk);
    },
  });
  const source = body instanceof ReadableStream ? Readable.fromWeb(body as import("node:stream/web").ReadableStream) : (body as NodeJS.ReadableStream);
  try {
    await pipeline(source, counter, createWriteStream(file, { mode: 0o600 }));
  } catch (e) {
    await rm(file, { force: true });
    throw e;
  }
  if (bytes === 0) {
    await rm(file, { force: true });
    throw new CallDataError("empty_file", "The file is empty.");
  }
  return { uploadId, path: file, bytes };
}

/** The temporary file of an earlier upload to this workspace. */
export async function uploadPath(workspaceId: string, uploadId: unknown) {
  const parsed = uploadIdSchema.safeParse(uploadId);
  if (!parsed.success) throw notFound("That upload");
  const file = fileFor(workspaceId, parsed.data);
  const s = await stat(file).catch(() => null);
  if (!s) throw notFound("That upload (uploads are kept for an hour; please choose the file again)");
  return { path: file, bytes: s.size };
}

export async function discardUpload(workspaceId: string, uploadId: unknown) {
  const parsed = uploadIdSchema.safeParse(uploadId);
  if (!parsed.success) return;
  await rm(fileFor(workspaceId, parsed.data), { force: true });
}
