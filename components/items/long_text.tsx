import type { LongTextItem } from "@/lib/items/long_text";
import type { ItemEditor } from "./shared";
import { TextControl } from "./short_text";

export const longTextEditor: ItemEditor<LongTextItem> = { Control: TextControl, labelsInput: true };
