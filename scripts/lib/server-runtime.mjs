// Loaded with `--import` before a script that uses the app's server modules
// (see package.json): registers ./server-only-hook.mjs.
import { register } from "node:module";

register("./server-only-hook.mjs", import.meta.url);
