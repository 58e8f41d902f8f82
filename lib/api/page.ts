import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Runs a page's data loading and maps domain errors onto Next.js responses. */
export async function loadPage<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError) {
      if (err.code === "not_found") notFound();
      if (err.code === "forbidden") forbidden();
      if (err.code === "unauthenticated") redirect("/signin");
    }
    throw err;
  }
}
