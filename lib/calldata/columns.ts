/**
 * Column roles of a CAD export and their detection from header names.
 * Personal-data columns are recognised so that they are marked "will not be
 * stored", masked in the preview and never read by the import.
 */
export const COLUMN_ROLES = [
  "callCode",
  "callDescription",
  "received",
  "arrived",
  "cleared",
  "disposition",
  "priority",
  "units",
  "selfInitiated",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export const ROLE_LABELS: Record<ColumnRole, string> = {
  callCode: "Call type (code)",
  callDescription: "Call type description",
  received: "Time received",
  arrived: "Time first unit arrived",
  cleared: "Time cleared",
  disposition: "Disposition",
  priority: "Priority",
  units: "Units or officers",
  selfInitiated: "Self-initiated (officer-initiated)",
};

/** A column mapping names the header of the column playing each role. */
export type ColumnMapping = Partial<Record<ColumnRole, string>>;

export const PERSONAL_KINDS = ["address", "name", "phone", "birth", "narrative", "identifier"] as const;
export type PersonalKind = (typeof PERSONAL_KINDS)[number];

export const PERSONAL_LABELS: Record<PersonalKind, string> = {
  address: "address or location",
  name: "name",
  phone: "phone number",
  birth: "date of birth",
  narrative: "free-text narrative",
  identifier: "personal identifier",
};

function norm(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[_\-./#:()]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const PERSONAL_PATTERNS: [PersonalKind, RegExp][] = [
  ["birth", /\b(dob|date of birth|birth ?date|born|birthday)\b/],
  ["phone", /\b(phone|telephone|tel|callback|call back|ani|cell|mobile number)\b/],
  ["address", /\b(address|addr|street|location|loc|apt|apartment|lat|latitude|lon|lng|longitude|x coord|y coord|geo|block|intersection|cross ?street|premise|zip|postal)\b/],
  ["narrative", /\b(narrative|comments?|notes?|remarks?|details?|synopsis|summary|free ?text|description of incident)\b/],
  ["name", /\b(name|caller|complainant|reporting party|rp|victim|suspect|subject|first|last|surname)\b/],
  ["identifier", /\b(ssn|social security|license|licence|dl number|plate|mrn|person id)\b/],
];

/** Which kind of personal data a header suggests, if any. */
export function personalKind(header: string): PersonalKind | null {
  const h = norm(header);
  // Call-type descriptions and unit names are not personal, even if they say "description" or "name".
  if (/\b(call|incident|event|nature|problem) ?(type|code|desc|description|nature)\b/.test(h)) return null;
  if (/\b(unit|agency|beat|district|zone|sector|disposition|dispo|priority)\b/.test(h)) return null;
  for (const [kind, re] of PERSONAL_PATTERNS) if (re.test(h)) return kind;
  return null;
}

const ROLE_PATTERNS: [ColumnRole, RegExp][] = [
  ["callDescription", /^((final|initial|incident|call|event|nature|problem)( of)? ?(type|code|call)? ?(desc|description|text)|call ?type ?desc\w*|nature|nature of call|problem|type description|description)$/],
  ["callCode", /^((final|initial|incident|call|event|nature|problem) ?(type|code)( code)?|type|type code|cfs type|call type|nature code|incident type code|event type)$/],
  ["received", /^(time|date|datetime|date time)? ?(received|call received|created|entered|reported|call time|call date|incident date|time call|call start|start|opened|answered)( time| date| date time| datetime| at)?$|^(received|create|call|call date|incident|report)( date)? ?(time|datetime|date time)$/],
  ["arrived", /^(time|date|datetime)? ?(call |incident )?(first )?(unit )?(arrived|arrival|on ?scene|onscene)( time| date time| datetime| at)?$/],
  ["cleared", /^(time|date|datetime)? ?(call |incident )?(last unit )?(unit )?(cleared|clear|closed|close|completed|complete|end|ended|available|in service)( time| date time| datetime| at)?$/],
  ["disposition", /^(final )?(dispo|disposition|disp|close code|clearance|clearance code|outcome|result)( code| description| desc)?$/],
  ["priority", /^(call |final |initial )?(priority|pri|prio|priority code|response priority)( level| code)?$/],
  ["units", /^(number of |num |no of |count of |total )?(units|officers|unit count|officer count|units assigned|officers assigned|responding units|personnel)( count| assigned| dispatched)?$/],
  ["selfInitiated", /^(self ?initiated|officer ?initiated|initiated by|source|call source|call origin|origin|how received|self init|oi)$/],
];

/** The role a header suggests, if any (personal-data columns never get one). */
export function detectRole(header: string): ColumnRole | null {
  if (personalKind(header)) return null;
  const h = norm(header);
  for (const [role, re] of ROLE_PATTERNS) if (re.test(h)) return role;
  return null;
}

/** Auto-detected mapping: the first column matching each role. */
export function detectColumns(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const role = detectRole(header);
    if (role && !mapping[role]) mapping[role] = header;
  }
  // A file with only a description column: use it as the call type.
  if (!mapping.callCode && mapping.callDescription) {
    mapping.callCode = mapping.callDescription;
    delete mapping.callDescription;
  }
  return mapping;
}

/** The problems of a mapping, as messages a person can act on; empty when it can be imported. */
export function mappingProblems(mapping: ColumnMapping, headers: string[]): string[] {
  const problems: string[] = [];
  if (!mapping.callCode) problems.push("Choose the column that holds the call type.");
  if (!mapping.received) problems.push("Choose the column that holds the time the call was received.");
  const known = new Set(headers);
  for (const role of COLUMN_ROLES) {
    const h = mapping[role];
    if (h === undefined) continue;
    if (!known.has(h)) problems.push(`The file has no column "${h}" (chosen for ${ROLE_LABELS[role].toLowerCase()}).`);
    else if (personalKind(h)) problems.push(`"${h}" looks like personal data (${PERSONAL_LABELS[personalKind(h)!]}); it is never read.`);
  }
  const used = COLUMN_ROLES.map((r) => mapping[r]).filter((h): h is string => Boolean(h));
  const dup = used.find((h, i) => used.indexOf(h) !== i && !(mapping.callCode === h && mapping.callDescription === h));
  if (dup) problems.push(`"${dup}" is chosen for more than one role.`);
  return problems;
}
