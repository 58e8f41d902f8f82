"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { Resolver, type CalcItems } from "@/lib/calc/inputs";

/**
 * The worksheet's calculations, recomputed from what is on the page right now
 * (including unsaved typing) and the answers from other worksheets the server
 * sent along, kept current by live events. Number controls read where their
 * value comes from; calculated items read their result.
 */
type CalcState = { resolver: Resolver; items: CalcItems } | null;

const Ctx = createContext<CalcState>(null);

export function CalcProvider({
  items,
  values,
  external,
  children,
}: {
  items: CalcItems;
  /** This worksheet's current answer values, by item key. */
  values: Record<string, unknown>;
  /** Answers on other worksheets that this one reads. */
  external: Record<string, unknown>;
  children: ReactNode;
}) {
  const state = useMemo(
    () => ({ items, resolver: new Resolver(items, (k) => (k in values ? values[k] : external[k])) }),
    [items, values, external],
  );
  return <Ctx.Provider value={state}>{children}</Ctx.Provider>;
}

export function useCalc(): CalcState {
  return useContext(Ctx);
}
