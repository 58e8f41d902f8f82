import "server-only";
import { Text, View } from "@react-pdf/renderer";
import { DataTable, Paragraphs, Panel, ReportDocument, ReportPage, renderWithFonts, styles, formatDate, formatIsoDate } from "@/lib/export/pdf";
import { describeValue } from "./describe";
import type { Minutes } from "./service";

type MinutesData = {
  workspace: string;
  title: string;
  when: string;
  location: string;
  footer: string;
  status: string;
  attendees: string[];
  items: Array<{
    id: string;
    heading: string;
    notes: string;
    decisions: string[];
    changes: Array<{ id: string; label: string; by: string; before: string; after: string }>;
    isWorksheet: boolean;
  }>;
  actions: Array<{ id: string; action: string; owner: string; due: string; plan: string }>;
};

export function minutesData(m: Minutes, workspaceName: string, now = new Date()): MinutesData {
  const names = new Map(m.members.map((x) => [x.id, x.name]));
  const when = new Date(m.startedAt ?? m.startsAt);
  return {
    workspace: workspaceName,
    title: m.title,
    when: `${formatDate(when)} at ${when.toISOString().slice(11, 16)} UTC`,
    location: m.location ?? "",
    footer: `Minutes · exported ${formatDate(now)}`,
    status: m.status === "ENDED" ? "" : "Draft: the meeting has not ended yet.",
    attendees: m.attendance.map((a) => (a.guest ? `${a.name} (guest)` : a.name)),
    items: m.items.map((it) => ({
      id: it.id,
      heading: `${it.position + 1}. ${it.title}`,
      notes: it.notes,
      decisions: it.decisions.map((d) => d.text),
      isWorksheet: it.isWorksheet,
      changes: it.changes.map((c) => ({
        id: c.itemKey,
        label: c.label,
        by: c.by.join(", "),
        before: describeValue(c.before, names, 600),
        after: describeValue(c.after, names, 600),
      })),
    })),
    actions: m.actions.map((a) => ({
      id: a.id,
      action: a.action,
      owner: a.owner ?? "Not assigned",
      due: a.dueDate ? formatIsoDate(a.dueDate, "short") : "—",
      plan: a.planRowId ? "Yes" : "No",
    })),
  };
}

/** The minutes as a PDF, in the same look as the workbook exports. */
export function renderMinutesPdf(data: MinutesData): Promise<Buffer> {
  return renderWithFonts(data, (d, fontFamily) => (
    <ReportDocument title={`Minutes: ${d.title}`} subject={d.workspace}>
      <ReportPage chrome={{ headerLeft: d.workspace, headerRight: "Meeting minutes", footerLeft: d.footer }} fontFamily={fontFamily}>
        <Text style={styles.eyebrow}>Meeting minutes</Text>
        <Text style={[styles.h1, { marginTop: 4 }]}>{d.title}</Text>
        <Text style={[styles.muted, { marginTop: 4 }]}>
          {d.when}
          {d.location ? ` · ${d.location}` : ""}
        </Text>
        {d.status ? <Text style={[styles.italic, { marginTop: 4 }]}>{d.status}</Text> : null}
        <Text style={[styles.h2, { marginTop: 14, marginBottom: 4 }]}>Attendees</Text>
        <Text>{d.attendees.length ? d.attendees.join(" · ") : "No attendance was recorded."}</Text>
        {d.items.map((it) => (
          <View key={it.id} style={{ marginTop: 14 }}>
            <Text style={[styles.h2, { marginBottom: 4 }]} minPresenceAhead={60}>
              {it.heading}
            </Text>
            <Text style={[styles.h3, { marginTop: 4 }]}>Notes</Text>
            {it.notes.trim() ? <Paragraphs text={it.notes} /> : <Text style={[styles.muted, styles.italic]}>No notes.</Text>}
            <Text style={[styles.h3, { marginTop: 6 }]}>Decisions</Text>
            {it.decisions.length ? (
              it.decisions.map((text, i) => (
                <Panel key={i}>
                  <Text>{text}</Text>
                </Panel>
              ))
            ) : (
              <Text style={[styles.muted, styles.italic]}>No decisions.</Text>
            )}
            {it.isWorksheet ? (
              <>
                <Text style={[styles.h3, { marginTop: 6, marginBottom: 2 }]}>Changes to the worksheet during the meeting</Text>
                <DataTable
                  columns={[
                    { key: "label", label: "Question", flex: 3 },
                    { key: "before", label: "Before", flex: 3 },
                    { key: "after", label: "After", flex: 3 },
                    { key: "by", label: "Changed by", flex: 2 },
                  ]}
                  rows={it.changes.map((c) => ({ id: c.id, cells: { label: c.label, before: c.before, after: c.after, by: c.by }, splittable: true }))}
                  emptyText="No answers were changed."
                />
              </>
            ) : null}
          </View>
        ))}
        <Text style={[styles.h2, { marginTop: 16, marginBottom: 4 }]}>Action items</Text>
        <DataTable
          columns={[
            { key: "action", label: "Action", flex: 5 },
            { key: "owner", label: "Owner", flex: 2 },
            { key: "due", label: "Due", flex: 2 },
            { key: "plan", label: "In action plan", flex: 1.5 },
          ]}
          rows={d.actions.map((a) => ({ id: a.id, cells: { action: a.action, owner: a.owner, due: a.due, plan: a.plan } }))}
          emptyText="No action items were recorded."
        />
      </ReportPage>
    </ReportDocument>
  ));
}
