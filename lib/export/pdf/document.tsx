import type { ReactNode } from "react";
import { Text, View } from "@react-pdf/renderer";
import { isAnswerable, itemModule } from "@/lib/items/registry";
import { isAnswered } from "@/lib/progress/model";
import type { Item, Section, Worksheet } from "@/lib/workbook/template-schema";
import { ROLE_NAMES, STATUS_NAMES, type ExportModel, type ExportThread, type WorksheetStatus } from "../model";
import { DataTable, outlineEntry, Paragraphs, Pill, ReportDocument, ReportPage, RuledLines, styles, type PageChrome } from "./components";
import { ItemBlock, WorksheetAddenda, type ItemContext } from "./items";
import { colors, contentWidth, fontSizes, formatDate, formatIsoDate, page, percent } from "./theme";

// ---------------------------------------------------------------------------
// Page numbers for the table of contents

/**
 * Where things start, recorded while react-pdf lays the document out.
 *
 * Each worksheet (and the other TOC targets) carries a zero-size marker whose
 * `render` callback notes the page it lands on. The contents entries are
 * `render` callbacks too, and react-pdf evaluates them once more after the
 * whole document is paginated (it must, to print "Page X of Y"), so they can
 * print the recorded numbers. `printed` keeps what the contents showed;
 * `renderExportPdf` compares it with `starts` after rendering and renders a
 * second time, with the numbers of the first, if the two ever disagree.
 */
export class PageRecorder {
  readonly starts = new Map<string, number>();
  readonly printed = new Map<string, number | null>();
  constructor(readonly known?: ReadonlyMap<string, number>) {}

  marker(id: string) {
    return (
      <View
        render={({ pageNumber }) => {
          this.starts.set(id, pageNumber);
          return null;
        }}
      />
    );
  }

  number(id: string): string {
    const n = this.known?.get(id) ?? this.starts.get(id) ?? null;
    this.printed.set(id, n);
    return n === null ? "" : String(n);
  }

  /** True when every contents entry printed the page its target really starts on. */
  consistent(): boolean {
    for (const [id, n] of this.printed) if (this.starts.get(id) !== n) return false;
    return true;
  }
}

// ---------------------------------------------------------------------------
// Model helpers

type WorksheetInfo = Worksheet & { section: Section; sectionIndex: number; indexInSection: number };

export type DocContext = ItemContext & {
  model: ExportModel;
  rec: PageRecorder;
  chrome: (sectionTitle?: string) => PageChrome;
  worksheets: WorksheetInfo[];
  answered: (item: Item) => boolean;
  threadsFor: (worksheetKey: string) => ExportThread[];
};

export function buildContext(model: ExportModel, fontFamily: string[], rec: PageRecorder): DocContext {
  const members = new Map(model.members.map((m) => [m.id, m.name]));
  const info = new Map<string, WorksheetInfo>();
  model.template.sections.forEach((section, sectionIndex) =>
    section.worksheets.forEach((w, indexInSection) => info.set(w.key, { ...w, section, sectionIndex, indexInSection })),
  );
  const worksheets = model.worksheetKeys.map((k) => info.get(k)).filter((w): w is WorksheetInfo => Boolean(w));
  const answeredCache = new Map<string, boolean>();
  const threads = new Map<string, ExportThread[]>();
  for (const t of model.threads) {
    if (t.comments.length === 0) continue;
    const list = threads.get(t.worksheetKey) ?? [];
    list.push(t);
    threads.set(t.worksheetKey, list);
  }
  const exported = formatDate(model.exportedAt, model.timeZone);
  const stage = model.options.stage === "final" ? "Final" : "Draft";
  return {
    model,
    rec,
    fontFamily,
    worksheets,
    memberName: (id) => members.get(id) ?? "Former team member",
    answered: (item) => {
      let a = answeredCache.get(item.key);
      if (a === undefined) {
        a = isAnswered(item, model.answers[item.key]);
        answeredCache.set(item.key, a);
      }
      return a;
    },
    threadsFor: (key) => threads.get(key) ?? [],
    chrome: (sectionTitle) => ({
      headerLeft: model.workspace.name,
      headerRight: sectionTitle,
      footerLeft: `${model.template.title} · ${stage} · exported ${exported}`,
    }),
  };
}

function statusOf(model: ExportModel, key: string): WorksheetStatus {
  return model.statuses[key] ?? "NOT_STARTED";
}

function worksheetNumber(w: WorksheetInfo) {
  return `${w.sectionIndex + 1}.${w.indexInSection + 1}`;
}

/**
 * Organisation per member, from a roster in the workbook: the first item
 * whose kind finds any (a table with a member column and an organisation
 * column, see lib/items/table).
 */
export function rosterOrganisations(model: ExportModel): Map<string, string> {
  for (const section of model.template.sections) {
    for (const w of section.worksheets) {
      for (const item of w.items) {
        const found = itemModule(item).memberOrganisations?.(item, model.answers[item.key]);
        if (found && found.size > 0) return found;
      }
    }
  }
  return new Map();
}

// ---------------------------------------------------------------------------
// Cover

const ROLE_ORDER = { COORDINATOR: 0, MEMBER: 1, VIEWER: 2 } as const;

function StageBadge({ stage }: { stage: "draft" | "final" }) {
  const c = stage === "final" ? colors.final : colors.draft;
  return <Pill label={stage === "final" ? "FINAL" : "DRAFT"} fg={c.fg} bg={c.bg} />;
}

export function CoverPage({ ctx, subtitle }: { ctx: DocContext; subtitle?: string }) {
  const { model } = ctx;
  const packet = model.options.packet;
  const orgs = rosterOrganisations(model);
  const roster = [...model.members].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name));
  const hasOrg = roster.some((m) => orgs.has(m.id));
  const exported = formatDate(model.exportedAt, model.timeZone);
  return (
    <ReportPage chrome={{ ...ctx.chrome(), bareFirstPage: true }} fontFamily={ctx.fontFamily} fullBleed>
      <View style={{ backgroundColor: colors.navy, paddingHorizontal: page.marginX, paddingTop: 64, paddingBottom: 34 }}>
        <Text style={{ fontSize: fontSizes.small, fontWeight: 700, letterSpacing: 0.3, color: colors.coverText }}>
          {packet ? "MEETING PACKET" : model.template.title}
        </Text>
        {packet ? (
          <>
            <Text style={{ fontSize: 26, fontWeight: 700, color: colors.white, marginTop: 10, lineHeight: 1.2 }}>{packet.title}</Text>
            <Text style={{ fontSize: 14, color: colors.coverText, marginTop: 6 }}>{formatIsoDate(packet.date)}</Text>
            <Text style={{ fontSize: 12, color: colors.white, marginTop: 16, fontWeight: 700 }}>{model.workspace.name}</Text>
            <Text style={{ fontSize: 10.5, color: colors.coverText }}>{model.workspace.jurisdiction}</Text>
          </>
        ) : (
          <>
            <Text style={{ fontSize: 28, fontWeight: 700, color: colors.white, marginTop: 10, lineHeight: 1.2 }}>{model.workspace.name}</Text>
            <Text style={{ fontSize: 14, color: colors.coverText, marginTop: 6 }}>{model.workspace.jurisdiction}</Text>
          </>
        )}
      </View>
      <View style={{ paddingHorizontal: page.marginX, paddingTop: 22 }}>
        <View style={{ flexDirection: "row", alignItems: "center", marginBottom: 6 }}>
          <StageBadge stage={model.options.stage} />
          <Text style={{ marginLeft: 8, color: colors.muted }}>{`Exported ${exported}`}</Text>
        </View>
        {subtitle ? <Text style={{ color: colors.ink, marginBottom: 2 }}>{subtitle}</Text> : null}
        {packet ? <Text style={{ color: colors.muted }}>{`From the workbook “${model.template.title}”`}</Text> : null}
        {model.workspace.population ? (
          <Text style={{ color: colors.muted }}>{`Population served: ${model.workspace.population.toLocaleString("en-US")}`}</Text>
        ) : null}

        <Text style={[styles.h3, { marginTop: 22, marginBottom: 6 }]}>Planning team</Text>
        <DataTable
          columns={[
            { key: "name", label: "Name", flex: 2.2 },
            { key: "role", label: "Role", flex: 1.2 },
            ...(hasOrg ? [{ key: "org", label: "Organisation", flex: 2.6 }] : []),
          ]}
          rows={roster.map((m) => ({ id: m.id, cells: { name: m.name, role: ROLE_NAMES[m.role], org: orgs.get(m.id) ?? "" } }))}
          emptyText="No team members"
        />

        <View style={{ marginTop: 24, paddingTop: 8, borderTopWidth: 0.6, borderTopColor: colors.rule }}>
          <Text style={[styles.small, styles.muted]}>{model.template.description}</Text>
          <Text style={[styles.small, styles.muted, { marginTop: 4 }]}>{model.template.attribution}</Text>
        </View>
      </View>
    </ReportPage>
  );
}

// ---------------------------------------------------------------------------
// Contents and agenda

function TocRow({ ctx, id, title, level, detail }: { ctx: DocContext; id: string; title: string; level: 0 | 1; detail?: string }) {
  return (
    <View wrap={false} style={{ flexDirection: "row", alignItems: "flex-end", marginTop: level === 0 ? 9 : 2.5, paddingLeft: level === 0 ? 0 : 22 }}>
      <View style={{ flexShrink: 1, maxWidth: "80%" }}>
        <Text style={level === 0 ? { fontWeight: 700, fontSize: 10.5, color: colors.navy } : { fontSize: fontSizes.body }}>{title}</Text>
        {detail ? <Text style={[styles.small, styles.muted]}>{detail}</Text> : null}
      </View>
      <View style={{ flexGrow: 1, borderBottomWidth: 0.7, borderBottomStyle: "dotted", borderBottomColor: colors.ruleStrong, marginHorizontal: 5, marginBottom: detail ? 14 : 3.5 }} />
      <Text
        style={{ width: 24, textAlign: "right", ...(level === 0 ? { fontWeight: 700, fontSize: 10.5, color: colors.navy } : {}), marginBottom: detail ? 11 : 0 }}
        render={() => ctx.rec.number(id)}
      />
    </View>
  );
}

const ID = {
  section: (key: string) => `section:${key}`,
  worksheet: (key: string) => `worksheet:${key}`,
  progress: "progress",
  contents: "contents",
  discussion: "discussion",
  notes: "notes",
  agenda: "agenda",
};

const REF = { contents: 1, progress: 2, agenda: 3, discussion: 4, notes: 5, section: (i: number) => 100 + i, worksheet: (i: number) => 1000 + i };

function ContentsPage({ ctx, showProgress }: { ctx: DocContext; showProgress: boolean }) {
  const groups: Array<{ section: Section; items: WorksheetInfo[] }> = [];
  for (const w of ctx.worksheets) {
    const last = groups.at(-1);
    if (last && last.section.key === w.section.key) last.items.push(w);
    else groups.push({ section: w.section, items: [w] });
  }
  return (
    <ReportPage chrome={ctx.chrome("Contents")} fontFamily={ctx.fontFamily}>
      <View {...outlineEntry("Contents", REF.contents)}>{ctx.rec.marker(ID.contents)}</View>
      <Text style={[styles.h1, { marginBottom: 8 }]}>Contents</Text>
      {showProgress ? <TocRow ctx={ctx} id={ID.progress} title="Progress summary" level={0} /> : null}
      {groups.map((g) => (
        <View key={g.section.key} wrap={g.items.length > 30}>
          <TocRow ctx={ctx} id={ID.section(g.section.key)} title={`${g.items[0].sectionIndex + 1}. ${g.section.title}`} level={0} />
          {g.items.map((w) => (
            <TocRow key={w.key} ctx={ctx} id={ID.worksheet(w.key)} title={`${worksheetNumber(w)}  ${w.title}`} level={1} />
          ))}
        </View>
      ))}
    </ReportPage>
  );
}

function AgendaPage({ ctx, showProgress }: { ctx: DocContext; showProgress: boolean }) {
  const packet = ctx.model.options.packet!;
  return (
    <ReportPage chrome={ctx.chrome("Agenda")} fontFamily={ctx.fontFamily}>
      <View {...outlineEntry("Agenda", REF.agenda)}>{ctx.rec.marker(ID.agenda)}</View>
      <Text style={styles.eyebrow}>Meeting packet</Text>
      <Text style={[styles.h1, { marginTop: 2 }]}>Agenda</Text>
      <Text style={{ color: colors.muted, marginBottom: 10 }}>{`${packet.title} · ${formatIsoDate(packet.date)}`}</Text>
      {showProgress ? <TocRow ctx={ctx} id={ID.progress} title="Progress summary" level={0} /> : null}
      {ctx.worksheets.map((w, i) => (
        <TocRow
          key={w.key}
          ctx={ctx}
          id={ID.worksheet(w.key)}
          title={`${i + 1}. ${w.title}`}
          detail={`${w.section.title} · ${STATUS_NAMES[statusOf(ctx.model, w.key)]}`}
          level={0}
        />
      ))}
      <TocRow ctx={ctx} id={ID.discussion} title="Discussion questions" level={0} />
      <TocRow ctx={ctx} id={ID.notes} title="Notes" level={0} />
    </ReportPage>
  );
}

// ---------------------------------------------------------------------------
// Progress

function Bar({ fraction, color = colors.navySoft, height = 7 }: { fraction: number; color?: string; height?: number }) {
  const f = Math.max(0, Math.min(1, fraction));
  return (
    <View style={{ height, backgroundColor: colors.panelStrong, borderRadius: height / 2, flexDirection: "row" }}>
      {f > 0 ? <View style={{ width: `${f * 100}%`, backgroundColor: color, borderRadius: height / 2 }} /> : null}
    </View>
  );
}

function ProgressPage({ ctx }: { ctx: DocContext }) {
  const progress = ctx.model.progress!;
  const statuses: WorksheetStatus[] = ["NOT_STARTED", "IN_PROGRESS", "READY_FOR_REVIEW", "COMPLETE"];
  return (
    <ReportPage chrome={ctx.chrome("Progress summary")} fontFamily={ctx.fontFamily}>
      <View {...outlineEntry("Progress summary", REF.progress)}>{ctx.rec.marker(ID.progress)}</View>
      <Text style={[styles.h1, { marginBottom: 10 }]}>Progress summary</Text>
      <View style={{ flexDirection: "row", alignItems: "center", marginBottom: 14 }}>
        <Text style={{ fontSize: 30, fontWeight: 700, color: colors.navy, width: 90 }}>{percent(progress.overall)}</Text>
        <View style={{ flex: 1 }}>
          <Text style={{ marginBottom: 4, color: colors.muted }}>Overall completion of required items</Text>
          <Bar fraction={progress.overall} height={10} />
        </View>
      </View>
      <View style={{ flexDirection: "row", marginBottom: 16 }}>
        {statuses.map((s, i) => (
          <View key={s} style={{ flex: 1, marginLeft: i ? 6 : 0, padding: 8, backgroundColor: colors.status[s].bg, borderRadius: 3 }}>
            <Text style={{ fontSize: 18, fontWeight: 700, color: colors.status[s].fg }}>{String(progress.statusCounts[s] ?? 0)}</Text>
            <Text style={{ fontSize: fontSizes.small, color: colors.status[s].fg }}>{STATUS_NAMES[s]}</Text>
          </View>
        ))}
      </View>
      <Text style={[styles.h3, { marginBottom: 6 }]}>By section</Text>
      {progress.sections.map((s, i) => (
        <View key={i} wrap={false} style={{ flexDirection: "row", alignItems: "center", marginBottom: 6 }}>
          <Text style={{ width: 220, paddingRight: 8 }}>{s.title}</Text>
          <View style={{ flex: 1 }}>
            <Bar fraction={s.completion} />
          </View>
          <Text style={{ width: 40, textAlign: "right", fontWeight: 700 }}>{percent(s.completion)}</Text>
        </View>
      ))}
    </ReportPage>
  );
}

// ---------------------------------------------------------------------------
// Worksheets

function StatusPill({ status }: { status: WorksheetStatus }) {
  const c = colors.status[status];
  return <Pill label={STATUS_NAMES[status]} fg={c.fg} bg={c.bg} />;
}

function SectionBanner({ ctx, w }: { ctx: DocContext; w: WorksheetInfo }) {
  return (
    <View wrap={false} {...outlineEntry(`${w.sectionIndex + 1}. ${w.section.title}`, REF.section(w.sectionIndex))} style={{ marginBottom: 14 }}>
      {ctx.rec.marker(ID.section(w.section.key))}
      <View style={{ backgroundColor: colors.panel, borderLeftWidth: 3, borderLeftColor: colors.navy, paddingVertical: 8, paddingHorizontal: 10 }}>
        <Text style={styles.eyebrow}>{`Section ${w.sectionIndex + 1}`}</Text>
        <Text style={[styles.h2, { marginTop: 1 }]}>{w.section.title}</Text>
        <Text style={[styles.small, { color: colors.muted, marginTop: 3 }]}>{w.section.intro}</Text>
      </View>
    </View>
  );
}

function CommentThreads({ ctx, threads, items }: { ctx: DocContext; threads: ExportThread[]; items: Item[] }) {
  if (threads.length === 0) return null;
  const labels = new Map(items.map((i) => [i.key, i.label]));
  return (
    <View style={{ marginTop: 6 }}>
      <Text minPresenceAhead={40} style={[styles.h3, { marginBottom: 4 }]}>{`Open comments (${threads.length})`}</Text>
      {threads.map((t) => (
        <View key={t.id} style={{ marginBottom: 7, paddingLeft: 8, borderLeftWidth: 2, borderLeftColor: colors.accent }}>
          <Text style={[styles.small, styles.bold, { color: colors.accent }]}>{t.itemKey ? `On: ${labels.get(t.itemKey) ?? t.itemKey}` : "On the worksheet as a whole"}</Text>
          {t.comments.map((c, i) => (
            <View key={i} style={{ marginTop: 2 }}>
              <Text style={[styles.small, styles.muted]}>{`${c.authorName} · ${formatDate(c.createdAt, ctx.model.timeZone)}`}</Text>
              <Paragraphs text={c.body} width={contentWidth - 10} />
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

function DiscussionQuestions({ section, title }: { section: Section; title?: string }) {
  return (
    <View style={{ marginTop: 10 }}>
      <View minPresenceAhead={50} wrap={false} style={{ borderTopWidth: 1, borderTopColor: colors.navy, paddingTop: 8, marginBottom: 4 }}>
        <Text style={styles.eyebrow}>For discussion</Text>
        <Text style={styles.h3}>{title ?? `Discussion questions: ${section.title}`}</Text>
      </View>
      {section.discussionQuestions.map((q, i) => (
        <View key={i} wrap={false} style={{ flexDirection: "row", marginBottom: 4 }}>
          <Text style={{ width: 18, fontWeight: 700, color: colors.accent }}>{`${i + 1}.`}</Text>
          <Text style={{ flex: 1 }}>{q}</Text>
        </View>
      ))}
    </View>
  );
}

function WorksheetPage({ ctx, w, index, showBanner, after }: { ctx: DocContext; w: WorksheetInfo; index: number; showBanner: boolean; after?: ReactNode }) {
  const { model } = ctx;
  const includeUnanswered = model.options.includeUnanswered;
  const status = statusOf(model, w.key);
  let n = 0;
  const blocks: ReactNode[] = [];
  for (const item of w.items) {
    if (isAnswerable(item)) n++;
    const answered = ctx.answered(item);
    if (!includeUnanswered && !answered) continue;
    blocks.push(<ItemBlock key={item.key} item={item} number={`${n}.`} value={model.answers[item.key]} answered={answered} ctx={ctx} />);
  }
  // Nested under its section in the outline, except in packets (agenda order).
  const sectionRef = model.options.kind === "packet" ? undefined : REF.section(w.sectionIndex);
  const frameworks = w.frameworks.map((f) => (f.publisher ? `${f.name} (${f.publisher})` : f.name)).join("; ");
  return (
    <ReportPage chrome={ctx.chrome(`${w.sectionIndex + 1}. ${w.section.title}`)} fontFamily={ctx.fontFamily}>
      {showBanner ? <SectionBanner ctx={ctx} w={w} /> : null}
      <View wrap={false} {...outlineEntry(`${worksheetNumber(w)} ${w.title}`, REF.worksheet(index), sectionRef)}>
        {ctx.rec.marker(ID.worksheet(w.key))}
        <Text style={styles.eyebrow}>{`Worksheet ${worksheetNumber(w)}`}</Text>
        <Text style={[styles.h2, { marginTop: 1 }]}>{w.title}</Text>
        <View style={{ flexDirection: "row", alignItems: "center", marginTop: 5 }}>
          <StatusPill status={status} />
          <Text style={[styles.small, styles.muted, { marginLeft: 8, flex: 1 }]}>{`Draws on: ${frameworks}`}</Text>
        </View>
        <Text style={{ marginTop: 6, color: colors.muted, fontStyle: "italic" }}>{w.intro}</Text>
        <View style={{ borderBottomWidth: 0.8, borderBottomColor: colors.rule, marginTop: 8, marginBottom: 10 }} />
      </View>
      {blocks.length > 0 ? blocks : <Text style={[styles.muted, styles.italic, { marginBottom: 10 }]}>No answers yet</Text>}
      <WorksheetAddenda items={w.items} answers={model.answers} ctx={ctx} />
      {model.options.includeComments ? <CommentThreads ctx={ctx} threads={ctx.threadsFor(w.key)} items={w.items} /> : null}
      {after}
    </ReportPage>
  );
}

// ---------------------------------------------------------------------------
// Packet pages

function PacketDiscussionPage({ ctx }: { ctx: DocContext }) {
  const sections: Section[] = [];
  for (const w of ctx.worksheets) if (!sections.includes(w.section)) sections.push(w.section);
  return (
    <ReportPage chrome={ctx.chrome("Discussion questions")} fontFamily={ctx.fontFamily}>
      <View {...outlineEntry("Discussion questions", REF.discussion)}>{ctx.rec.marker(ID.discussion)}</View>
      <Text style={[styles.h1, { marginBottom: 4 }]}>Discussion questions</Text>
      <Text style={{ color: colors.muted, marginBottom: 4 }}>From the sections of this meeting’s worksheets.</Text>
      {sections.map((s) => (
        <DiscussionQuestions key={s.key} section={s} title={s.title} />
      ))}
    </ReportPage>
  );
}

function NotesPage({ ctx }: { ctx: DocContext }) {
  return (
    <ReportPage chrome={ctx.chrome("Notes")} fontFamily={ctx.fontFamily}>
      <View {...outlineEntry("Notes", REF.notes)}>{ctx.rec.marker(ID.notes)}</View>
      <Text style={[styles.h1, { marginBottom: 6 }]}>Notes</Text>
      <RuledLines height={page.height - page.marginTop - page.marginBottom - 50} />
    </ReportPage>
  );
}

// ---------------------------------------------------------------------------
// The documents

/** Workbook, selection and packet exports. */
export function ExportDocument({ ctx }: { ctx: DocContext }) {
  const { model } = ctx;
  const kind = model.options.kind;
  const showProgress = Boolean(model.options.includeProgress && model.progress);
  const title = kind === "packet" ? `${model.options.packet!.title} — ${model.workspace.name}` : `${model.workspace.name} — ${model.template.title}`;
  const lastOfSection = new Map<string, string>();
  for (const w of ctx.worksheets) lastOfSection.set(w.section.key, w.key);
  const seenSections = new Set<string>();
  const count = ctx.worksheets.length;
  const subtitle =
    kind === "workbook"
      ? `The complete workbook: ${count} worksheet${count === 1 ? "" : "s"}`
      : kind === "selection"
        ? `Selected worksheets: ${count} of ${model.template.sections.reduce((n, s) => n + s.worksheets.length, 0)}`
        : `${count} worksheet${count === 1 ? "" : "s"} for discussion`;
  return (
    <ReportDocument title={title} subject={model.template.title} author={model.workspace.name}>
      <CoverPage ctx={ctx} subtitle={subtitle} />
      {kind === "packet" ? <AgendaPage ctx={ctx} showProgress={showProgress} /> : <ContentsPage ctx={ctx} showProgress={showProgress} />}
      {showProgress ? <ProgressPage ctx={ctx} /> : null}
      {ctx.worksheets.map((w, i) => {
        const showBanner = kind !== "packet" && !seenSections.has(w.section.key);
        seenSections.add(w.section.key);
        const after = kind !== "packet" && lastOfSection.get(w.section.key) === w.key ? <DiscussionQuestions section={w.section} /> : null;
        return <WorksheetPage key={w.key} ctx={ctx} w={w} index={i} showBanner={showBanner} after={after} />;
      })}
      {kind === "packet" ? <PacketDiscussionPage ctx={ctx} /> : null}
      {kind === "packet" ? <NotesPage ctx={ctx} /> : null}
    </ReportDocument>
  );
}
