import {
  templateSchema,
  type FrameworkRef,
  type Option,
  type Template,
  type TemplateInput,
} from "../template-schema";

/**
 * The built-in workbook: "Community Crisis Response Planning Workbook".
 *
 * Seven sections that take a planning team from forming itself to measuring
 * results. The structure is informed by public frameworks (named on every
 * worksheet); all questions, instructions and help text are written for this
 * project. Item keys are stable: answers are stored against them, so a key
 * must never be renamed once a version is published — publish a new version.
 */

// ---------------------------------------------------------------------------
// Frameworks the worksheets draw on. URLs only where the public resource page
// is known (CSG Justice Center / JMHCP / BJA pages).
// ---------------------------------------------------------------------------

const CSG = "CSG Justice Center";

export const FW = {
  crisisSystem: {
    name: "Building a Comprehensive and Coordinated Crisis System",
    publisher: CSG,
    url: "https://jmhcp.org/resources/building-a-comprehensive-and-coordinated-crisis-system",
  },
  samhsa: {
    name: "SAMHSA National Guidelines for Behavioral Health Crisis Care (2020; updated January 2025)",
    publisher: "Substance Abuse and Mental Health Services Administration (SAMHSA)",
    url: "https://www.samhsa.gov/mental-health/national-behavioral-health-crisis-care",
  },
  sim: {
    name: "Sequential Intercept Model",
    publisher: "SAMHSA GAINS Center / Policy Research Associates",
    url: "https://smc.prainc.com/services/sequential-intercept-model-mapping-workshops/",
  },
  roadmapReportCard: {
    name: "Roadmap to the Ideal Crisis System (2021): Report Card",
    publisher: "Group for the Advancement of Psychiatry / National Council for Mental Wellbeing",
    url: "https://crisisroadmap.com/roadmap/report-card/report-card",
  },
  pmhc: {
    name: "Police-Mental Health Collaboration (PMHC) Framework",
    publisher: CSG,
    url: "https://jmhcp.org/resources/police-mental-health-collaborations-a-framework-for-implementing-effective-law-enforcement-responses-for-people-who-have-mental-health-needs",
  },
  pmhcSelfAssessment: {
    name: "Police-Mental Health Collaboration Self-Assessment Tool",
    publisher: CSG,
    url: "https://jmhcp.org/resources/police-mental-health-collaboration-self-assessment-tool",
  },
  pmhcToolkit: {
    name: "Police-Mental Health Collaboration Toolkit",
    publisher: "Bureau of Justice Assistance (BJA)",
    url: "https://bja.ojp.gov/program/pmhc",
  },
  dispatchTips: {
    name: "Tips for Successfully Implementing a 911 Dispatch Diversion Program",
    publisher: CSG,
    url: "https://jmhcp.org/resources/tips-for-successfully-implementing-a-911-dispatch-diversion-program",
  },
  csuTips: {
    name: "Tips for Successfully Implementing Crisis Stabilization Units",
    publisher: CSG,
    url: "https://jmhcp.org/resources/tips-for-successfully-implementing-crisis-stabilization-units",
  },
  expandingFirstResponse: {
    name: "Expanding First Response: A Toolkit for Community Responder Programs (2021)",
    publisher: "CSG Justice Center and Vital Strategies",
    url: "https://csgjusticecenter.org/publications/expanding-first-response/the-toolkit/",
  },
  takingTheCall: {
    name: "Taking the Call: community responder models",
    publisher: CSG,
    url: "https://takingthecall.csgjusticecenter.org/",
  },
  shared988: {
    name: "988: A Shared Opportunity for Criminal Justice and Behavioral Health Partners",
    publisher: CSG,
    url: "https://csgjusticecenter.org/projects/988-a-shared-opportunity/",
  },
  crisisNow: {
    name: "Crisis Now: Crisis Resource Need Calculator (2022)",
    publisher: "McKinsey Health Institute and RI International",
    url: "https://talk.crisisnow.com/mckinsey-health-institute-and-ri-international-launch-user-friendly-interactive-crisis-resource-need-calculator/",
  },
  gplMetrics: {
    name: "Essential Metrics for Alternative Emergency Response Programs",
    publisher: "Harvard Kennedy School Government Performance Lab",
    url: "https://datasmart.hks.harvard.edu/introducing-essential-metrics-alternative-emergency-response-programs",
  },
  veraToolkit: {
    name: "Civilian Crisis Response Toolkit",
    publisher: "Vera Institute of Justice",
    url: "https://www.vera.org/civilian-crisis-response-toolkit/introduction-2",
  },
  ruralTraining: {
    name: "Mental Health Training: Strategies for Small and Rural Law Enforcement Agencies",
    publisher: CSG,
    url: "https://jmhcp.org/resources/mental-health-training-strategies-for-small-and-rural-law-enforcement-agencies",
  },
} satisfies Record<string, FrameworkRef>;

// ---------------------------------------------------------------------------
// Shared option lists and labels
// ---------------------------------------------------------------------------

/** The 1–5 progress scale used by the self-ratings. */
export const PROGRESS_POINT_LABELS = [
  "Not started",
  "Aware, no plans yet",
  "Early implementation",
  "Substantial progress",
  "Functioning well",
];

const SECTOR_OPTIONS: Option[] = [
  { value: "behavioral-health", label: "Behavioral health provider or agency" },
  { value: "law-enforcement", label: "Law enforcement" },
  { value: "dispatch", label: "911 / dispatch (PSAP)" },
  { value: "crisis-line", label: "988 or crisis call center" },
  { value: "ems-fire", label: "EMS / fire" },
  { value: "hospital", label: "Hospital or emergency department" },
  { value: "housing", label: "Housing or homeless services" },
  { value: "lived-experience", label: "Person with lived experience / peer" },
  { value: "community", label: "Community or faith group" },
  { value: "local-government", label: "Local government / elected office" },
  { value: "courts-corrections", label: "Courts, jail or community corrections" },
  { value: "other", label: "Other" },
];

const YES_NO_PARTLY: Option[] = [
  { value: "yes", label: "Yes" },
  { value: "partly", label: "Sometimes / partly" },
  { value: "no", label: "No" },
];

const LOW_MED_HIGH: Option[] = [
  { value: "low", label: "Low" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
];

const AGREEMENT_STATUS: Option[] = [
  { value: "not-started", label: "Not started" },
  { value: "drafting", label: "Drafting" },
  { value: "in-review", label: "In legal or leadership review" },
  { value: "signed", label: "Signed" },
];

const percentHelp = (published: string, extra = "") =>
  `Published default, as reported: ${published}. Replace it with a local figure if you have one.${extra ? " " + extra : ""}`;

// ---------------------------------------------------------------------------
// The template
// ---------------------------------------------------------------------------

const template: TemplateInput = {
  key: "crisis-response",
  version: 1,
  title: "Community Crisis Response Planning Workbook",
  description:
    "A shared workbook for a community's crisis-response planning team. It walks the team from forming the group, through understanding local need and mapping what already exists, to choosing a response model, sizing it, putting it in place and checking whether it works. Members fill in worksheets between meetings; the team reviews answers and the discussion questions together.",
  attribution:
    "This workbook is informed by public frameworks: the CSG Justice Center brief \"Building a Comprehensive and Coordinated Crisis System\", SAMHSA's National Guidelines for Behavioral Health Crisis Care (2020, updated 2025), the Sequential Intercept Model (SAMHSA GAINS Center / Policy Research Associates), the Police-Mental Health Collaboration (PMHC) framework, self-assessment and toolkit (CSG Justice Center / Bureau of Justice Assistance), the CSG Justice Center tips briefs on 911 dispatch diversion and crisis stabilization units, CSG Justice Center guidance on community responder programs, the Crisis Resource Need Calculator (McKinsey Health Institute and RI International, 2022), the Report Card in the Roadmap to the Ideal Crisis System (2021), and measurement advice from the Harvard Kennedy School Government Performance Lab and the Vera Institute of Justice. Its questions and guidance are written for this app. It is not a reproduction of the CSG Justice Center's \"Community-Driven Crisis Response: A Workbook for Coordinators\" and has not been reviewed or endorsed by any of the organizations named. For the original publications, see the CSG Justice Center's resources: https://jmhcp.org/resources/community-driven-crisis-response-a-workbook-for-coordinators and https://csgjusticecenter.org/resources/le-mh-collaboration-support-center/.",
  sections: [
    // =======================================================================
    // 1. Getting started
    // =======================================================================
    {
      key: "getting-started",
      title: "Getting started",
      intro:
        "Before anything else, the team agrees on who is at the table, how it will work together and what it hopes to change. Time spent here saves arguments later.",
      worksheets: [
        {
          key: "welcome",
          title: "About this workbook and our community",
          intro: "A few basics so everyone, including newcomers and funders, knows whose plan this is and where it started.",
          frameworks: [FW.crisisSystem],
          items: [
            {
              key: "welcome.how-to-use",
              kind: "instructions",
              label: "How to use this workbook",
              body:
                "Work through the sections roughly in order, but don't wait for one to be perfect before starting the next. Between meetings, the people assigned to a worksheet fill in what they know and mark it ready for review. At meetings, the team looks over the answers, talks through the discussion questions at the end of each section and records decisions and action items. Blank answers are fine — they show where the team still has work to do.",
            },
            {
              key: "welcome.community-name",
              kind: "short_text",
              label: "Which community does this plan cover?",
              help: "Name the city, county, tribal nation or region. If the plan covers several jurisdictions, list them all.",
              required: true,
              maxLength: 200,
              placeholder: "e.g. Lake County and the cities of Easton and Millbrook",
            },
            {
              key: "welcome.convener",
              kind: "single_choice",
              label: "Which kind of organization is leading this planning effort?",
              help: "Pick the agency that holds the coordinator role. Other partners are listed on the team roster.",
              options: [
                { value: "county-bh", label: "County behavioral-health agency" },
                { value: "police", label: "Police or sheriff's department" },
                { value: "mayor-manager", label: "Mayor's, manager's or county executive's office" },
                { value: "public-health", label: "Public health department" },
                { value: "nonprofit", label: "Community nonprofit or provider" },
              ],
              allowOther: true,
            },
            {
              key: "welcome.kickoff-date",
              kind: "date",
              label: "Date of the team's first meeting",
            },
          ],
        },
        {
          key: "practice",
          title: "Practice: try each kind of question",
          intro:
            "New to the workbook? This optional page has one of each kind of question you will meet later. Try them out: answers save by themselves, and nothing here counts toward your plan's progress.",
          frameworks: [FW.crisisSystem],
          items: [
            {
              key: "practice.about",
              kind: "instructions",
              label: "How answering works",
              body:
                "Type or choose an answer and it saves a moment later; the note at the top of the page says when everything is saved. If you lose your connection, keep typing: the workbook keeps your words and saves them when you are back online.\n\nIf a teammate changes the same answer while you are editing, you will be shown both versions and can choose which to keep.",
            },
            { key: "practice.short", kind: "short_text", label: "Your agency's name", maxLength: 200 },
            { key: "practice.long", kind: "long_text", label: "In a few sentences, what brought you to this planning team?", maxLength: 2000 },
            { key: "practice.number", kind: "number", label: "How many years have you worked in your field?", min: 0, max: 80, unit: "years", integer: true },
            { key: "practice.date", kind: "date", label: "When did you join the team?" },
            {
              key: "practice.single",
              kind: "single_choice",
              label: "Which part of the crisis system is closest to your work?",
              options: [
                { value: "contact", label: "Someone to contact (call lines, 911, 988)" },
                { value: "respond", label: "Someone to respond (mobile teams, police, EMS)" },
                { value: "place", label: "A safe place for help (stabilization, hospitals)" },
              ],
              allowOther: true,
            },
            {
              key: "practice.multiple",
              kind: "multiple_choice",
              label: "Which meeting times suit you?",
              options: [
                { value: "morning", label: "Weekday mornings" },
                { value: "afternoon", label: "Weekday afternoons" },
                { value: "evening", label: "Weekday evenings" },
              ],
              allowOther: true,
            },
            {
              key: "practice.checklist",
              kind: "checklist",
              label: "Which of these have you already read?",
              options: [
                { value: "guidelines", label: "SAMHSA's national guidelines for crisis care" },
                { value: "sim", label: "The Sequential Intercept Model" },
                { value: "pmhc", label: "The Police-Mental Health Collaboration framework" },
              ],
              allowNoneApply: true,
            },
            {
              key: "practice.rating",
              kind: "rating",
              label: "How familiar are you with your community's crisis services today?",
              min: 1,
              max: 5,
              pointLabels: ["Not at all", "A little", "Somewhat", "Quite", "Very"],
            },
            {
              key: "practice.table",
              kind: "table",
              label: "Two or three colleagues who should know about this plan",
              columns: [
                { key: "name", label: "Name", type: "text", required: true, maxLength: 120 },
                { key: "agency", label: "Agency", type: "text", maxLength: 200 },
                { key: "since", label: "Working together since", type: "date" },
                { key: "size", label: "Team size", type: "number" },
                { key: "contact", label: "Contacted?", type: "choice", options: YES_NO_PARTLY },
                { key: "who", label: "Who will reach out", type: "member" },
              ],
              maxRows: 10,
            },
            {
              key: "practice.series",
              kind: "data_series",
              label: "Practice chart: calls you took in recent weeks",
              rowLabel: "Week",
              columns: [
                { key: "phone", label: "Phone" },
                { key: "walkin", label: "Walk-in" },
              ],
              chart: "bar",
              unit: "calls",
              maxRows: 12,
            },
            { key: "practice.actions", kind: "action_plan", label: "A practice action item", maxRows: 5 },
            {
              key: "practice.links",
              kind: "resource_links",
              label: "Helpful links",
              links: [
                {
                  title: "Building a Comprehensive and Coordinated Crisis System",
                  url: "https://jmhcp.org/resources/building-a-comprehensive-and-coordinated-crisis-system",
                  publisher: CSG,
                  description: "A short brief on the parts of a crisis system and how communities build them up.",
                },
              ],
              maxLinks: 5,
            },
          ],
        },
        {
          key: "team-roster",
          title: "Planning team roster",
          intro:
            "A good crisis plan needs the people who answer the calls, the people who respond, the places people go and the people who have lived through a crisis. List who is on the team today.",
          frameworks: [FW.crisisSystem, FW.pmhc],
          items: [
            {
              key: "roster.members",
              kind: "table",
              label: "Who is on the planning team?",
              help: "Add one row per person. Link the row to their workbook account if they have one, so tasks can be assigned to them.",
              required: true,
              columns: [
                { key: "name", label: "Name", type: "text", required: true, maxLength: 120 },
                { key: "organization", label: "Organization", type: "text", required: true, maxLength: 200 },
                { key: "sector", label: "Sector", type: "choice", options: SECTOR_OPTIONS, required: true },
                {
                  key: "role",
                  label: "Role on the team",
                  type: "choice",
                  options: [
                    { value: "coordinator", label: "Coordinator" },
                    { value: "co-chair", label: "Co-chair" },
                    { value: "member", label: "Member" },
                    { value: "advisor", label: "Advisor" },
                  ],
                },
                { key: "account", label: "Workbook account", type: "member" },
                { key: "contact", label: "Email or phone", type: "text", maxLength: 200 },
              ],
              maxRows: 60,
            },
            {
              key: "roster.lived-experience",
              kind: "long_text",
              label: "How are people with lived experience of a crisis part of the team?",
              help: "Say how many seats they hold, whether they are paid for their time, and what support they get to take part fully.",
              maxLength: 3000,
            },
          ],
        },
        {
          key: "team-charter",
          title: "Team charter",
          intro: "A short charter keeps the group focused and makes it clear how decisions get made when people disagree.",
          frameworks: [FW.pmhc, FW.crisisSystem],
          items: [
            {
              key: "charter.purpose",
              kind: "long_text",
              label: "Why does this team exist?",
              help: "Two or three sentences a new member could read in a minute. Say what the team will produce and for whom.",
              required: true,
              maxLength: 2000,
            },
            {
              key: "charter.decision-making",
              kind: "single_choice",
              label: "How will the team make decisions?",
              required: true,
              options: [
                { value: "consensus", label: "Consensus" },
                { value: "consensus-then-vote", label: "Try for consensus, then vote if needed" },
                { value: "majority", label: "Majority vote" },
                { value: "lead-decides", label: "The lead agency decides after hearing the team" },
              ],
              allowOther: true,
            },
            {
              key: "charter.cadence",
              kind: "single_choice",
              label: "How often will the full team meet?",
              options: [
                { value: "weekly", label: "Weekly" },
                { value: "biweekly", label: "Every two weeks" },
                { value: "monthly", label: "Monthly" },
                { value: "quarterly", label: "Quarterly" },
              ],
            },
            {
              key: "charter.ground-rules",
              kind: "long_text",
              label: "Ground rules and ways of working",
              help: "For example: how members send a stand-in, how information shared in meetings is handled, and how the team keeps language respectful and person-first.",
              maxLength: 3000,
            },
            { key: "charter.adopted-on", kind: "date", label: "Date the team adopted this charter" },
          ],
        },
        {
          key: "vision-goals",
          title: "Vision and goals",
          intro: "Agree on what a good crisis response looks like for your community, then turn it into a handful of goals you can check later.",
          frameworks: [FW.crisisSystem, FW.samhsa],
          items: [
            {
              key: "vision.statement",
              kind: "long_text",
              label: "Our vision for crisis response",
              help: "Describe what should happen when someone in your community is in crisis, in plain words a neighbor would understand.",
              required: true,
              maxLength: 2000,
            },
            {
              key: "vision.principles",
              kind: "checklist",
              label: "Which principles will guide the plan?",
              help: "Tick the principles the team commits to. They come from the public crisis-care frameworks named on this worksheet.",
              options: [
                { value: "person-centered", label: "Person-centered and strengths-based" },
                { value: "peer-support", label: "Community response and peer support" },
                { value: "le-collaboration", label: "Collaboration with law enforcement" },
                { value: "trauma-informed", label: "Trauma-informed care" },
                { value: "recovery", label: "Recovery orientation" },
                { value: "suicide-safer", label: "Suicide-safer care" },
                { value: "safety", label: "Safety for people served and for staff" },
                { value: "equity", label: "Fair access across neighborhoods and groups" },
              ],
              allowNoneApply: false,
            },
            {
              key: "vision.goals",
              kind: "table",
              label: "Goals",
              help: "Keep it to three to six goals. A goal should describe a change you could see in data or in people's experience.",
              required: true,
              columns: [
                { key: "goal", label: "Goal", type: "text", required: true, maxLength: 300 },
                { key: "why", label: "Why it matters here", type: "text", maxLength: 500 },
                { key: "by-when", label: "By when", type: "date" },
              ],
              maxRows: 12,
            },
          ],
        },
        {
          key: "stakeholders-missing",
          title: "Who is not yet at the table",
          intro: "Most teams are missing someone important at first. Name them, and decide who will invite them.",
          frameworks: [FW.crisisSystem, FW.pmhc],
          items: [
            {
              key: "stakeholders.missing",
              kind: "table",
              label: "People and organizations to invite",
              help: "Think about who answers, responds to or receives people in crisis, and who is most affected — including youth, older adults, people with disabilities and people who speak other languages.",
              required: true,
              columns: [
                { key: "who", label: "Person or organization", type: "text", required: true, maxLength: 200 },
                { key: "sector", label: "Sector", type: "choice", options: SECTOR_OPTIONS },
                { key: "why", label: "Why they matter", type: "text", maxLength: 500 },
                { key: "inviter", label: "Who will reach out", type: "member", required: true },
                { key: "by-when", label: "By when", type: "date" },
                {
                  key: "status",
                  label: "Status",
                  type: "choice",
                  options: [
                    { value: "not-contacted", label: "Not contacted" },
                    { value: "contacted", label: "Contacted" },
                    { value: "joined", label: "Joined" },
                    { value: "declined", label: "Declined" },
                  ],
                },
              ],
            },
          ],
        },
        {
          key: "resource-library",
          title: "Resource library",
          intro: "Public resources the team can read alongside this workbook, plus space for your own local documents.",
          frameworks: [FW.crisisSystem, FW.pmhcToolkit],
          items: [
            {
              key: "resources.csg",
              kind: "resource_links",
              label: "CSG Justice Center and BJA resources",
              help: "These publications and tools are free. The worksheets each one helps with are noted in its description.",
              links: [
                {
                  title: "Community-Driven Crisis Response: A Workbook for Coordinators",
                  publisher: CSG,
                  url: "https://jmhcp.org/resources/community-driven-crisis-response-a-workbook-for-coordinators",
                  description: "The CSG Justice Center's own workbook for planning-team coordinators. This app is a separate tool and does not reproduce it.",
                },
                {
                  title: "Building a Comprehensive and Coordinated Crisis System",
                  publisher: CSG,
                  url: "https://jmhcp.org/resources/building-a-comprehensive-and-coordinated-crisis-system",
                  description: "Brief on the parts of a full crisis continuum and how to build one. Useful for the vision, system mapping and priority worksheets.",
                },
                {
                  title: "Tips for Successfully Implementing a 911 Dispatch Diversion Program",
                  publisher: CSG,
                  url: "https://jmhcp.org/resources/tips-for-successfully-implementing-a-911-dispatch-diversion-program",
                  description: "Practical steps for routing suitable 911 calls to behavioral-health responders. Pairs with the eligible calls and dispatch protocol worksheets.",
                },
                {
                  title: "Tips for Successfully Implementing Crisis Stabilization Units",
                  publisher: CSG,
                  url: "https://jmhcp.org/resources/tips-for-successfully-implementing-crisis-stabilization-units",
                  description: "Guidance for communities weighing a stabilization unit, from confirming the need to funding. Pairs with the stabilization planning worksheet.",
                },
                {
                  title: "Police-Mental Health Collaborations: A Framework for Implementing Effective Law Enforcement Responses for People Who Have Mental Health Needs",
                  publisher: CSG,
                  url: "https://jmhcp.org/resources/police-mental-health-collaborations-a-framework-for-implementing-effective-law-enforcement-responses-for-people-who-have-mental-health-needs",
                  description: "Framework for agency-wide police and behavioral-health partnerships. Behind the self-assessment in the last section.",
                },
                {
                  title: "Police-Mental Health Collaboration Self-Assessment Tool",
                  publisher: CSG,
                  url: "https://jmhcp.org/resources/police-mental-health-collaboration-self-assessment-tool",
                  description: "An online tool for police agencies and partners to gauge their progress. Use it with the self-assessment worksheet.",
                },
                {
                  title: "Police-Mental Health Collaboration Toolkit",
                  publisher: "Bureau of Justice Assistance",
                  url: "https://bja.ojp.gov/program/pmhc",
                  description: "A collection of materials for police leaders and officers, including a module on working with homeless-services partners.",
                },
                {
                  title: "988: A Shared Opportunity for Criminal Justice and Behavioral Health Partners",
                  publisher: CSG,
                  url: "https://csgjusticecenter.org/projects/988-a-shared-opportunity/",
                  description: "Videos and materials on how justice and behavioral-health partners can work with 988. Helpful for the call-lines worksheet.",
                },
                {
                  title: "Taking the Call",
                  publisher: CSG,
                  url: "https://takingthecall.csgjusticecenter.org/",
                  description: "Recordings and materials from a national conference on community responder models. Helpful when comparing response options.",
                },
                {
                  title: "Embedding Clinicians in the Criminal Justice System",
                  publisher: CSG,
                  url: "https://jmhcp.org/resources/embedding-clinicians-in-the-criminal-justice-system",
                  description: "Examples of clinicians working inside justice agencies at different intercepts. Useful for the intercept mapping worksheet.",
                },
                {
                  title: "Mental Health Training: Strategies for Small and Rural Law Enforcement Agencies",
                  publisher: CSG,
                  url: "https://jmhcp.org/resources/mental-health-training-strategies-for-small-and-rural-law-enforcement-agencies",
                  description: "Ideas for smaller agencies that need to train officers with limited budgets. Pairs with the training plan.",
                },
                {
                  title: "Improving Outcomes for People in Contact with the Criminal Justice System Who Have Intellectual or Developmental Disabilities",
                  publisher: CSG,
                  url: "https://jmhcp.org/resources/improving-outcomes-for-people-in-contact-with-the-criminal-justice-system-who-have-intellectual-or-developmental-disabilities",
                  description: "Steps for recognizing and responding well to people with intellectual or developmental disabilities.",
                },
                {
                  title: "Addressing Misconceptions about Mental Health and Violence",
                  publisher: CSG,
                  url: "https://jmhcp.org/resources/addressing-misconceptions-about-mental-health-and-violence",
                  description: "Evidence on a frequently misunderstood topic; good background for training and community messaging.",
                },
                {
                  title: "Law Enforcement-Mental Health Collaboration Support Center",
                  publisher: CSG,
                  url: "https://csgjusticecenter.org/resources/le-mh-collaboration-support-center/",
                  description: "Free technical assistance and training for jurisdictions improving their crisis and behavioral-health responses.",
                },
                {
                  title: "Law Enforcement Mental Health Learning Sites",
                  publisher: CSG,
                  url: "https://csgjusticecenter.org/projects/law-enforcement-mental-health-learning-sites/",
                  description: "Police agencies that host peers from other places to share what worked for them.",
                },
              ],
            },
            {
              key: "resources.national",
              kind: "resource_links",
              label: "Crisis system guidance, assessment tools and measurement",
              help: "Guidance from federal agencies and national groups, tools for rating where your system stands, and advice on what to measure. Each description says which worksheets it helps with.",
              links: [
                {
                  title: "National Guidelines for Behavioral Health Crisis Care (2025 guidance)",
                  publisher: "SAMHSA",
                  url: "https://www.samhsa.gov/mental-health/national-behavioral-health-crisis-care",
                  description: "SAMHSA's updated guidance: someone to contact, someone to respond, a safe place for help, and follow-up afterwards. It also defines each kind of crisis service. The 2020 edition used the words someone to talk to, someone to respond and a place to go.",
                },
                {
                  title: "Roadmap to the Ideal Crisis System (2021)",
                  publisher: "Group for the Advancement of Psychiatry / National Council for Mental Wellbeing",
                  url: "https://crisisroadmap.com/roadmap/report-card/report-card",
                  description: "A report on what a complete crisis system looks like, with a Report Card that rates each element from 1 to 5. The self-rating worksheets use its scale.",
                },
                {
                  title: "Crisis Now",
                  publisher: "RI International and partners",
                  url: "https://crisisnow.com/",
                  description: "The Crisis Now model of core crisis services and its report on transforming crisis care. Background for the system mapping and capacity worksheets.",
                },
                {
                  title: "Crisis Resource Need Calculator (2022)",
                  publisher: "McKinsey Health Institute and RI International",
                  url: "https://talk.crisisnow.com/mckinsey-health-institute-and-ri-international-launch-user-friendly-interactive-crisis-resource-need-calculator/",
                  description: "The published calculator whose default assumptions (drawn from Arizona's system) start the capacity estimate. Replace them with local figures when you have them.",
                },
                {
                  title: "Police-Mental Health Collaborations: Project Coordinator's Handbook (2024)",
                  publisher: CSG,
                  url: "https://csgjusticecenter.org/publications/police-mental-health-collaborations-implementing-effective-law-enforcement-responses-for-people-who-have-mental-health-needs",
                  description: "A handbook written for the person coordinating a police and behavioral-health programme. Useful from the team roster to the action plan.",
                },
                {
                  title: "Community Responder Program Assessment",
                  publisher: CSG,
                  url: "https://projects.csgjusticecenter.org/crp-assessment/select-assessment-tool/",
                  description: "A self-assessment for each phase of a community responder programme, from exploration and planning to implementation and operation.",
                },
                {
                  title: "Collaboration Assessment Tool",
                  publisher: CSG,
                  url: "https://csgjusticecenter.org/publications/collaboration-assessment-tool",
                  description: "Partners rate their collaboration together across four areas, by consensus and as things stand today. Helpful for the team charter and governance worksheets.",
                },
                {
                  title: "Expanding First Response: A Toolkit for Community Responder Programs (2021)",
                  publisher: "CSG Justice Center and Vital Strategies",
                  url: "https://csgjusticecenter.org/publications/expanding-first-response/the-toolkit/",
                  description: "Practices for planning and running a community responder programme, beginning with understanding the need and forming a planning team. Also covers data sources and metrics.",
                },
                {
                  title: "Data-sharing for community responder programs",
                  publisher: CSG,
                  url: "https://csgjusticecenter.org/publications/data-sharing-community-responder-programs",
                  description: "How responder programmes share information with 911, health providers and police, and on what legal footing. Pairs with the information-sharing and agreements worksheets.",
                },
                {
                  title: "Essential Metrics for Alternative Emergency Response Programs",
                  publisher: "Harvard Kennedy School Government Performance Lab",
                  url: "https://datasmart.hks.harvard.edu/introducing-essential-metrics-alternative-emergency-response-programs",
                  description: "A short list of measures every alternative response programme should track. Use it when choosing metrics.",
                },
                {
                  title: "Measuring What Matters: the impact of 911 alternative response programs",
                  publisher: "Harvard Kennedy School Government Performance Lab",
                  url: "https://govlab.hks.harvard.edu/insight/measuring-impact-911-alternative-response-programs/",
                  description: "How to measure results, with a data dictionary that defines each measure. Helpful for the baseline and targets worksheet.",
                },
                {
                  title: "Civilian Crisis Response Toolkit",
                  publisher: "Vera Institute of Justice",
                  url: "https://www.vera.org/civilian-crisis-response-toolkit/introduction-2",
                  description: "Guidance on call triage, equity and community engagement for civilian crisis response. Useful for the call data, eligible calls and community input worksheets.",
                },
                {
                  title: "Medicaid community-based mobile crisis intervention services",
                  publisher: "Centers for Medicare & Medicaid Services",
                  url: "https://www.medicaid.gov/medicaid/benefits/behavioral-health-services/state-planning-grants-for-qualifying-community-based-mobile-crisis-intervention-services/index.html",
                  description: "The state Medicaid option for mobile crisis services, with an enhanced federal match for a limited period. Ask your state Medicaid agency whether it has taken it up; it matters for the funding worksheet.",
                },
                {
                  title: "Sequential Intercept Model mapping workshops",
                  publisher: "Policy Research Associates",
                  url: "https://smc.prainc.com/services/sequential-intercept-model-mapping-workshops/",
                  description: "What a mapping workshop covers and produces. Background for the intercept worksheet.",
                },
              ],
            },
            {
              key: "resources.local",
              kind: "resource_links",
              label: "Our local documents",
              help: "Link to local plans, reports, agreements and meeting materials so the whole team can find them.",
            },
          ],
        },
      ],
      discussionQuestions: [
        "Who would a person in crisis, or their family, say is missing from this table?",
        "Does every member know what is being asked of them between meetings, and do they have the time to do it?",
        "What would make this effort feel like a success to each agency here — and where do those hopes pull in different directions?",
        "How will we make sure people with lived experience shape decisions, not just hear about them?",
      ],
    },

    // =======================================================================
    // 2. Understanding the need
    // =======================================================================
    {
      key: "understanding-need",
      title: "Understanding the need",
      intro:
        "Build a shared picture of your community and of the crises that happen in it, from data and from the people most affected. Decisions made later should point back to what you learn here.",
      worksheets: [
        {
          key: "community-profile",
          title: "Community profile",
          intro: "The basic facts about the place the plan covers. Later worksheets, such as the capacity estimate, use these numbers.",
          frameworks: [FW.crisisSystem, FW.crisisNow],
          items: [
            {
              key: "profile.population",
              kind: "number",
              label: "Population covered by the plan",
              help: "Use the most recent census estimate for the whole service area.",
              required: true,
              min: 0,
              integer: true,
              unit: "people",
            },
            {
              key: "profile.area",
              kind: "number",
              label: "Land area",
              help: "Area matters for how far responders must travel and how many teams you need to reach people in time.",
              min: 0,
              unit: "square miles",
            },
            {
              key: "profile.setting",
              kind: "single_choice",
              label: "Which best describes the area?",
              required: true,
              options: [
                { value: "urban", label: "Mostly urban" },
                { value: "suburban", label: "Mostly suburban" },
                { value: "rural", label: "Mostly rural or frontier" },
                { value: "mixed", label: "A mix of urban and rural" },
              ],
            },
            {
              key: "profile.le-agencies",
              kind: "number",
              label: "Number of law enforcement agencies serving the area",
              min: 0,
              integer: true,
            },
            {
              key: "profile.psaps",
              kind: "number",
              label: "Number of 911 call centers (PSAPs) serving the area",
              min: 0,
              integer: true,
            },
            {
              key: "profile.notes",
              kind: "long_text",
              label: "What else should planners know about this community?",
              help: "For example: languages spoken, tribal lands, colleges, military bases, seasonal visitors, areas with poor cell coverage, or recent events that shape trust.",
              maxLength: 4000,
            },
          ],
        },
        {
          key: "data-inventory",
          title: "Data inventory",
          intro: "Find out what data already exists about crisis calls and their outcomes, who holds it and whether the team can see it.",
          frameworks: [FW.crisisSystem, FW.expandingFirstResponse],
          items: [
            {
              key: "data.sources-known",
              kind: "checklist",
              label: "Which of these data sources exist in your community?",
              options: [
                { value: "cad", label: "911 / computer-aided dispatch (CAD) call records" },
                { value: "988", label: "988 or crisis line contact data" },
                { value: "mobile-crisis", label: "Mobile crisis team records" },
                { value: "ems", label: "EMS run reports" },
                { value: "ed", label: "Emergency department visit data" },
                { value: "jail", label: "Jail booking data" },
                { value: "hmis", label: "Homeless services data (HMIS)" },
                { value: "holds", label: "Involuntary hold records" },
              ],
            },
            {
              key: "data.inventory",
              kind: "table",
              label: "Data sources in detail",
              help: "One row per source. Note what it can and cannot tell you — for example, whether 911 records flag behavioral-health calls at all.",
              required: true,
              columns: [
                { key: "source", label: "Data source", type: "text", required: true, maxLength: 200 },
                { key: "owner", label: "Who holds it", type: "text", required: true, maxLength: 200 },
                { key: "contents", label: "What it contains", type: "text", maxLength: 500 },
                {
                  key: "access",
                  label: "Access status",
                  type: "choice",
                  required: true,
                  options: [
                    { value: "have", label: "We have it" },
                    { value: "requested", label: "Requested" },
                    { value: "needs-agreement", label: "Needs a data-sharing agreement" },
                    { value: "not-available", label: "Not available" },
                  ],
                },
                { key: "contact", label: "Team member following up", type: "member" },
              ],
            },
          ],
        },
        {
          key: "crisis-call-data",
          title: "Crisis call data",
          intro: "Monthly counts of crisis-related calls show how much need there is, what kind, and whether it changes over the year.",
          frameworks: [FW.crisisSystem, FW.expandingFirstResponse, FW.dispatchTips],
          items: [
            {
              key: "calls.how-to",
              kind: "instructions",
              label: "Pulling the numbers",
              body:
                "Ask the 911 center for monthly counts of calls by type for at least the last 6 to 12 months. Call-type codes differ from place to place, so write down which codes you grouped into each column. If a code does not exist, leave the cell blank rather than guessing. Counts from the crisis line go in the second table.",
            },
            {
              key: "calls.by-type",
              kind: "data_series",
              label: "911 calls by month and call type",
              help: "Enter one row per month. The chart updates as you type.",
              required: true,
              rowLabel: "Month",
              columns: [
                { key: "mental-health", label: "Mental health / person in crisis" },
                { key: "suicide", label: "Suicide threat or attempt" },
                { key: "welfare-check", label: "Welfare check" },
                { key: "substance-use", label: "Intoxication / substance use" },
                { key: "disturbance", label: "Disturbance / trespass" },
                { key: "homelessness", label: "Homelessness-related" },
              ],
              chart: "bar",
              unit: "calls",
              maxRows: 36,
            },
            {
              key: "calls.crisis-line",
              kind: "data_series",
              label: "988 and crisis line contacts by month",
              help: "Ask the 988 center serving your area for local counts. Count texts and chats separately if you can.",
              rowLabel: "Month",
              columns: [
                { key: "calls", label: "Calls answered" },
                { key: "texts-chats", label: "Texts and chats" },
                { key: "mobile-dispatched", label: "Mobile crisis dispatched" },
                { key: "transferred-911", label: "Transferred to 911" },
              ],
              chart: "line",
              unit: "contacts",
              maxRows: 36,
            },
            {
              key: "calls.codes-used",
              kind: "long_text",
              label: "Which call codes went into each column?",
              help: "This lets someone repeat the count next year and get comparable numbers.",
              maxLength: 3000,
            },
            {
              key: "calls.patterns",
              kind: "long_text",
              label: "What patterns do you see?",
              help: "Look at time of day, day of week, neighborhoods, repeat callers and seasons, if you have them.",
              maxLength: 4000,
            },
          ],
        },
        {
          key: "call-outcomes",
          title: "How crisis calls end today",
          intro: "Counting where people end up — on scene, in the hospital, in jail — gives you a baseline to measure change against.",
          frameworks: [FW.pmhc, FW.expandingFirstResponse, FW.sim],
          items: [
            {
              key: "outcomes.period",
              kind: "short_text",
              label: "Which period do these numbers cover?",
              help: "Use the same months as the call data if you can.",
              required: true,
              placeholder: "e.g. January to December 2025",
            },
            {
              key: "outcomes.resolved-on-scene",
              kind: "number",
              label: "Crisis calls resolved on scene",
              min: 0,
              integer: true,
              unit: "calls",
            },
            {
              key: "outcomes.ed-transports",
              kind: "number",
              label: "Transports to an emergency department",
              min: 0,
              integer: true,
              unit: "transports",
            },
            {
              key: "outcomes.involuntary-holds",
              kind: "number",
              label: "Involuntary holds started",
              min: 0,
              integer: true,
              unit: "holds",
            },
            {
              key: "outcomes.arrests",
              kind: "number",
              label: "Arrests at calls involving a behavioral-health crisis",
              help: "If records don't flag these calls, note how you estimated the number.",
              min: 0,
              integer: true,
              unit: "arrests",
            },
            {
              key: "outcomes.injuries",
              kind: "number",
              label: "Use-of-force incidents or injuries at these calls",
              min: 0,
              integer: true,
              unit: "incidents",
            },
            {
              key: "outcomes.repeat-callers",
              kind: "number",
              label: "People with three or more crisis contacts in the period",
              help: "Repeat contact often points to a gap in follow-up care.",
              min: 0,
              integer: true,
              unit: "people",
            },
            {
              key: "outcomes.gaps",
              kind: "long_text",
              label: "Which outcomes can't you count yet, and why?",
              maxLength: 3000,
            },
          ],
        },
        {
          key: "community-input",
          title: "Community input plan",
          intro: "Data shows how often crises happen; people who have lived through them can tell you what helped and what made things worse.",
          frameworks: [FW.crisisSystem, FW.samhsa, FW.expandingFirstResponse],
          items: [
            {
              key: "input.methods",
              kind: "checklist",
              label: "How will the team gather community input?",
              required: true,
              options: [
                { value: "listening-sessions", label: "Public listening sessions" },
                { value: "peer-groups", label: "Small groups led by peers" },
                { value: "survey", label: "Community survey" },
                { value: "responder-survey", label: "Survey of officers, dispatchers and clinicians" },
                { value: "interviews", label: "One-on-one interviews with people who used crisis services" },
                { value: "family-groups", label: "Sessions with family members and caregivers" },
                { value: "youth", label: "Sessions with young people" },
                { value: "language-access", label: "Sessions in languages other than English" },
              ],
            },
            {
              key: "input.sessions",
              kind: "table",
              label: "Listening sessions",
              help: "Plan them where people already gather, at times working people can attend. Record what you heard in your own notes after each one.",
              columns: [
                { key: "date", label: "Date", type: "date", required: true },
                { key: "place", label: "Place or host", type: "text", required: true, maxLength: 200 },
                { key: "audience", label: "Who it is for", type: "text", maxLength: 200 },
                { key: "attendance", label: "People attending", type: "number" },
                { key: "lead", label: "Team lead", type: "member" },
                { key: "themes", label: "Main themes heard", type: "text", maxLength: 1000 },
              ],
            },
            {
              key: "input.what-we-heard",
              kind: "long_text",
              label: "What did we hear?",
              help: "Summarize the themes, and note where people's experiences differed by neighborhood, age, race or language.",
              maxLength: 6000,
            },
          ],
        },
      ],
      discussionQuestions: [
        "What surprised us in the data, and what does it not tell us?",
        "Whose crises are least visible in these numbers?",
        "Where do the numbers and what we heard from the community agree, and where do they disagree?",
        "Which missing data would change our decisions most if we had it, and who can help us get it?",
      ],
    },

    // =======================================================================
    // 3. Mapping today's crisis system
    // =======================================================================
    {
      key: "mapping-system",
      title: "Mapping today's crisis system",
      intro:
        "List what exists today: someone to contact, someone to respond and a safe place for help (the three parts named in SAMHSA's 2025 crisis care guidance). Then look at how well the pieces connect and where people fall through.",
      worksheets: [
        {
          key: "someone-to-contact",
          title: "Someone to contact: call lines",
          intro: "Every number a person in crisis, a family member or a bystander might call, and what happens when they do.",
          frameworks: [FW.samhsa, FW.crisisSystem, FW.shared988],
          items: [
            {
              key: "contact.lines",
              kind: "table",
              label: "Crisis and help lines serving the area",
              help: "Include 911, 988, county crisis lines, warmlines and 211. Note whether each can send someone in person.",
              required: true,
              columns: [
                { key: "name", label: "Line", type: "text", required: true, maxLength: 200 },
                {
                  key: "type",
                  label: "Type",
                  type: "choice",
                  required: true,
                  options: [
                    { value: "911", label: "911" },
                    { value: "988", label: "988" },
                    { value: "crisis-line", label: "Local crisis line" },
                    { value: "warmline", label: "Peer warmline" },
                    { value: "211", label: "211 / information line" },
                    { value: "other", label: "Other" },
                  ],
                },
                { key: "operator", label: "Answered by", type: "text", maxLength: 200 },
                { key: "hours", label: "Hours", type: "text", maxLength: 100 },
                { key: "can-dispatch", label: "Can send mobile crisis?", type: "choice", options: YES_NO_PARTLY },
                { key: "links", label: "Who it hands off to", type: "text", maxLength: 500 },
              ],
            },
            {
              key: "contact.911-988-link",
              kind: "long_text",
              label: "How do 911 and 988 connect today?",
              help: "Describe what happens, step by step, when a 911 call-taker gets a call that 988 could handle, and the other way round.",
              required: true,
              maxLength: 4000,
            },
            {
              key: "contact.988-awareness",
              kind: "single_choice",
              label: "How well known is 988 in your community?",
              help: "988 became the national number for the Suicide and Crisis Lifeline on 16 July 2022. Many people still don't know it exists or what happens when they call.",
              options: [
                { value: "not-known", label: "Few people know about it" },
                { value: "some", label: "Some people know about it" },
                { value: "widely", label: "Widely known" },
                { value: "unknown", label: "We don't know" },
              ],
            },
          ],
        },
        {
          key: "someone-to-respond",
          title: "Someone to respond: responders",
          intro: "Everyone who goes out to people in crisis today, when they work, where they can go and who sends them.",
          frameworks: [FW.samhsa, FW.crisisSystem, FW.expandingFirstResponse],
          items: [
            {
              key: "respond.teams",
              kind: "table",
              label: "Crisis responders",
              help: "Include police officers with crisis training, co-responder teams, mobile crisis teams, community responders, EMS and peer outreach.",
              required: true,
              columns: [
                { key: "name", label: "Program or team", type: "text", required: true, maxLength: 200 },
                {
                  key: "type",
                  label: "Type",
                  type: "choice",
                  required: true,
                  options: [
                    { value: "mobile-crisis", label: "Mobile crisis team" },
                    { value: "co-responder", label: "Co-responder (clinician with police)" },
                    { value: "community-responder", label: "Community responder (no police)" },
                    { value: "cit-officers", label: "Crisis-trained officers" },
                    { value: "ems", label: "EMS" },
                    { value: "peer-outreach", label: "Peer or street outreach" },
                    { value: "other", label: "Other" },
                  ],
                },
                { key: "hours", label: "Hours", type: "text", maxLength: 100 },
                { key: "coverage", label: "Area covered", type: "text", maxLength: 200 },
                {
                  key: "dispatched-by",
                  label: "Who sends them",
                  type: "choice",
                  options: [
                    { value: "911", label: "911 center" },
                    { value: "988", label: "988 / crisis line" },
                    { value: "self", label: "Self-dispatch or referral" },
                    { value: "mixed", label: "More than one" },
                  ],
                },
                { key: "response-minutes", label: "Typical response time (minutes)", type: "number" },
              ],
            },
            {
              key: "respond.gaps",
              kind: "long_text",
              label: "When and where is nobody but police available?",
              help: "Think about nights, weekends, outlying areas and calls involving young people.",
              maxLength: 3000,
            },
          ],
        },
        {
          key: "place-to-go",
          title: "A safe place for help: facilities",
          intro: "Where people can be taken, or walk in, for crisis care other than jail or a long emergency room wait.",
          frameworks: [FW.samhsa, FW.crisisSystem, FW.csuTips],
          items: [
            {
              key: "place.facilities",
              kind: "table",
              label: "Crisis facilities",
              help: "Include crisis receiving and stabilization centers, drop-off centers, peer respites, withdrawal management and emergency departments.",
              required: true,
              columns: [
                { key: "name", label: "Facility", type: "text", required: true, maxLength: 200 },
                {
                  key: "type",
                  label: "Type",
                  type: "choice",
                  required: true,
                  options: [
                    { value: "receiving", label: "Crisis receiving / stabilization center" },
                    { value: "csu", label: "Crisis stabilization unit (short stay)" },
                    { value: "drop-off", label: "Drop-off center" },
                    { value: "peer-respite", label: "Peer respite" },
                    { value: "withdrawal", label: "Withdrawal management" },
                    { value: "ed", label: "Emergency department" },
                    { value: "inpatient", label: "Inpatient psychiatric unit" },
                  ],
                },
                { key: "capacity", label: "Beds or chairs", type: "number" },
                { key: "hours", label: "Hours", type: "text", maxLength: 100 },
                { key: "referrals", label: "Who may refer", type: "text", maxLength: 300 },
                {
                  key: "police-drop-off",
                  label: "Accepts police drop-offs?",
                  type: "choice",
                  options: [
                    { value: "all", label: "Yes, without refusal" },
                    { value: "criteria", label: "Yes, with criteria" },
                    { value: "no", label: "No" },
                  ],
                },
              ],
            },
            {
              key: "place.officer-wait",
              kind: "number",
              label: "Typical time an officer waits at the emergency department with a person in crisis",
              help: "Ask patrol supervisors; a rough figure is fine. Long waits often drive officers toward arrest instead.",
              min: 0,
              unit: "minutes",
            },
          ],
        },
        {
          key: "intercept-map",
          title: "Intercepts 0 and 1: resources and gaps",
          intro:
            "The Sequential Intercept Model follows a person from community services (Intercept 0) to first contact with police and emergency services (Intercept 1) and on into the justice system. Map what helps and what is missing at the first two points.",
          frameworks: [FW.sim, FW.crisisSystem],
          items: [
            {
              key: "intercepts.how-to",
              kind: "instructions",
              label: "Mapping the intercepts",
              body:
                "For each intercept, list the resources that help people get care instead of going deeper into the justice system, then the gaps. Be concrete: \"no mobile crisis after 10 p.m.\" is more useful than \"not enough services\". Later intercepts (court, jail, reentry, community supervision) can be added if your team also covers them.",
            },
            {
              key: "intercepts.map",
              kind: "table",
              label: "Resources and gaps by intercept",
              required: true,
              columns: [
                {
                  key: "intercept",
                  label: "Intercept",
                  type: "choice",
                  required: true,
                  options: [
                    { value: "0", label: "0 — Community services" },
                    { value: "1", label: "1 — Law enforcement and emergency services" },
                    { value: "2", label: "2 — Initial detention and first court appearance" },
                    { value: "3", label: "3 — Jails and courts" },
                    { value: "4", label: "4 — Reentry" },
                    { value: "5", label: "5 — Community corrections" },
                  ],
                },
                { key: "resources", label: "Resources", type: "text", maxLength: 1500 },
                { key: "gaps", label: "Gaps", type: "text", maxLength: 1500 },
                {
                  key: "priority",
                  label: "Priority for change",
                  type: "choice",
                  options: LOW_MED_HIGH,
                },
              ],
            },
            {
              key: "intercepts.top-gaps",
              kind: "long_text",
              label: "The three gaps the team most wants to close",
              maxLength: 2000,
            },
          ],
        },
        {
          key: "system-self-rating",
          title: "How strong is each part of the system?",
          intro: "Rate each part of today's crisis system. Honest, modest ratings are more useful than hopeful ones.",
          frameworks: [FW.roadmapReportCard, FW.samhsa, FW.crisisSystem],
          items: [
            {
              key: "rating.how-to",
              kind: "instructions",
              label: "How to rate",
              body:
                "Talk each rating through as a team and agree on one number. If you are torn between two ratings, choose the lower one and note the higher one as your goal. The five steps of the scale and this rule follow the Report Card in the Roadmap to the Ideal Crisis System (2021); the parts being rated follow SAMHSA's crisis care guidance.",
            },
            {
              key: "rating.contact",
              kind: "rating",
              label: "Someone to contact: a 24/7 call center that links people to help and coordinates responders",
              required: true,
              pointLabels: PROGRESS_POINT_LABELS,
            },
            {
              key: "rating.respond",
              kind: "rating",
              label: "Someone to respond: mobile crisis or community responders available around the clock",
              required: true,
              pointLabels: PROGRESS_POINT_LABELS,
            },
            {
              key: "rating.place",
              kind: "rating",
              label: "A safe place for help: short-term crisis stabilization that accepts everyone who needs it",
              required: true,
              pointLabels: PROGRESS_POINT_LABELS,
            },
            {
              key: "rating.coordination",
              kind: "rating",
              label: "Coordination: the three parts share information and hand people off smoothly",
              pointLabels: PROGRESS_POINT_LABELS,
            },
            {
              key: "rating.peers",
              kind: "rating",
              label: "Peer staff: people with lived experience work throughout the system",
              pointLabels: PROGRESS_POINT_LABELS,
            },
            {
              key: "rating.notes",
              kind: "long_text",
              label: "Why we chose these ratings",
              help: "A sentence or two per rating helps the team see progress when it re-rates next year.",
              maxLength: 4000,
            },
          ],
        },
      ],
      discussionQuestions: [
        "If a person called for help at 2 a.m. on a Sunday, what would actually happen to them today?",
        "Where do officers, dispatchers and clinicians each feel they have no good option?",
        "Which gap, if closed, would help the most people soonest?",
        "What is working well that we should protect while we change other things?",
      ],
    },

    // =======================================================================
    // 4. Choosing the response model
    // =======================================================================
    {
      key: "response-model",
      title: "Choosing the response model",
      intro:
        "With the need and today's system in view, compare the response options, decide which calls a new response should take, and work out how dispatch will send it.",
      worksheets: [
        {
          key: "options-compared",
          title: "Response options compared",
          intro: "Look at each common model side by side and judge how well it fits your community's needs, resources and geography.",
          frameworks: [FW.crisisSystem, FW.takingTheCall, FW.pmhc, FW.dispatchTips, FW.csuTips],
          items: [
            {
              key: "options.table",
              kind: "table",
              label: "Options",
              help: "Rate fit from 1 (poor) to 5 (excellent). Base the rating on your data and mapping, not on what another city did.",
              required: true,
              columns: [
                {
                  key: "option",
                  label: "Option",
                  type: "choice",
                  required: true,
                  options: [
                    { value: "dispatch-diversion", label: "911 dispatch diversion" },
                    { value: "co-responder", label: "Co-responder team" },
                    { value: "community-responder", label: "Community responder team" },
                    { value: "mobile-crisis", label: "Mobile crisis team" },
                    { value: "csu", label: "Crisis stabilization unit" },
                    { value: "other", label: "Other" },
                  ],
                },
                { key: "pros", label: "Strengths for us", type: "text", maxLength: 1000 },
                { key: "cons", label: "Drawbacks for us", type: "text", maxLength: 1000 },
                { key: "cost", label: "Rough yearly cost ($)", type: "number" },
                { key: "fit", label: "Fit (1–5)", type: "number", required: true },
              ],
              maxRows: 20,
            },
            {
              key: "options.chosen",
              kind: "multiple_choice",
              label: "Which options will the team pursue first?",
              help: "Start with what meets the greatest need. You can add other options in later phases.",
              required: true,
              options: [
                { value: "dispatch-diversion", label: "911 dispatch diversion" },
                { value: "co-responder", label: "Co-responder team" },
                { value: "community-responder", label: "Community responder team" },
                { value: "mobile-crisis", label: "Mobile crisis team" },
                { value: "csu", label: "Crisis stabilization unit" },
              ],
              allowOther: true,
            },
            {
              key: "options.rationale",
              kind: "long_text",
              label: "Why these first?",
              help: "Point to the data, gaps and community input that support the choice.",
              required: true,
              maxLength: 4000,
            },
          ],
        },
        {
          key: "eligible-calls",
          title: "Eligible call types and exclusions",
          intro: "Decide which calls the new response should take, and which should still get police or fire.",
          frameworks: [FW.dispatchTips, FW.expandingFirstResponse],
          items: [
            {
              key: "eligible.types",
              kind: "checklist",
              label: "Call types the new response may take",
              required: true,
              options: [
                { value: "mental-health", label: "Person in a mental-health crisis" },
                { value: "suicide-no-weapon", label: "Suicidal thoughts, no weapon reported" },
                { value: "welfare-check", label: "Welfare checks" },
                { value: "intoxication", label: "Public intoxication, no medical emergency" },
                { value: "homelessness", label: "Person experiencing homelessness needing help" },
                { value: "disturbance", label: "Non-violent disturbance" },
                { value: "youth", label: "Young person in crisis at home or school" },
                { value: "follow-up", label: "Follow-up visits after an earlier crisis" },
              ],
            },
            {
              key: "eligible.exclusions",
              kind: "checklist",
              label: "When police or EMS should still go, alone or with the team",
              options: [
                { value: "weapon", label: "A weapon is reported" },
                { value: "violence", label: "Violence in progress or threatened" },
                { value: "crime", label: "A serious crime has been reported" },
                { value: "medical", label: "A medical emergency" },
                { value: "unknown-location", label: "Location unknown and the caller is in danger" },
              ],
            },
            {
              key: "eligible.notes",
              kind: "long_text",
              label: "Other rules, and how call-takers should handle unclear calls",
              help: "Write it as a call-taker would use it. Unclear calls are common; say who decides and how quickly.",
              maxLength: 4000,
            },
          ],
        },
        {
          key: "dispatch-protocol",
          title: "Dispatch protocol decisions",
          intro: "The best response only helps if the call reaches it. Work these choices out with 911 and 988 staff, not just their leaders.",
          frameworks: [FW.dispatchTips, FW.shared988, FW.pmhc],
          items: [
            {
              key: "dispatch.approach",
              kind: "single_choice",
              label: "How will eligible 911 calls reach a behavioral-health response?",
              required: true,
              options: [
                { value: "embedded-clinicians", label: "Clinicians work inside the 911 center" },
                { value: "transfer-responder", label: "911 transfers the call to a non-police responder or crisis line" },
                { value: "transfer-988", label: "911 transfers to 988 under a written protocol" },
                { value: "undecided", label: "Not decided yet" },
              ],
              allowOther: true,
            },
            {
              key: "dispatch.decision-tree",
              kind: "long_text",
              label: "Call-taker questions and decision tree",
              help: "List the questions a call-taker asks and what each answer leads to. Attach the draft in the resource library once it exists.",
              maxLength: 8000,
            },
            {
              key: "dispatch.handoff",
              kind: "long_text",
              label: "How the handoff works",
              help: "Cover warm transfers, what information travels with the call, and what happens if the responder is busy.",
              maxLength: 4000,
            },
            {
              key: "dispatch.go-live",
              kind: "date",
              label: "Target date to start the new protocol",
            },
            {
              key: "dispatch.resources",
              kind: "resource_links",
              label: "Helpful reading",
              links: [
                {
                  title: "Tips for Successfully Implementing a 911 Dispatch Diversion Program",
                  publisher: CSG,
                  url: "https://jmhcp.org/resources/tips-for-successfully-implementing-a-911-dispatch-diversion-program",
                  description: "Steps from choosing an approach to using data to improve it.",
                },
                {
                  title: "988: A Shared Opportunity for Criminal Justice and Behavioral Health Partners",
                  publisher: CSG,
                  url: "https://csgjusticecenter.org/projects/988-a-shared-opportunity/",
                  description: "Materials on coordinating 988 with justice and crisis partners.",
                },
              ],
            },
          ],
        },
        {
          key: "stabilization-plan",
          title: "Crisis stabilization: is a unit right for us?",
          intro: "A stabilization unit is a big investment. Check the groundwork before committing, even if it is not in the first phase.",
          frameworks: [FW.csuTips, FW.samhsa],
          items: [
            {
              key: "csu.readiness",
              kind: "checklist",
              label: "Groundwork done so far",
              required: true,
              options: [
                { value: "need-confirmed", label: "System mapping confirms a unit is what we need" },
                { value: "leadership", label: "Leaders of key agencies support it" },
                { value: "referral-paths", label: "Referral pathways are defined" },
                { value: "mous", label: "Agreements with referral sources are drafted" },
                { value: "ops-plan", label: "An operations plan is written" },
                { value: "phased-funding", label: "A phased funding plan exists" },
                { value: "site", label: "A site has been identified" },
              ],
            },
            {
              key: "csu.referrals",
              kind: "long_text",
              label: "Who will refer people, and how?",
              help: "Include police, mobile crisis, EMS, emergency departments and walk-ins. Say whether officers can drop off without a long wait.",
              maxLength: 4000,
            },
            {
              key: "csu.site",
              kind: "short_text",
              label: "Possible site or partner",
              maxLength: 200,
            },
            {
              key: "csu.resources",
              kind: "resource_links",
              label: "Helpful reading",
              links: [
                {
                  title: "Tips for Successfully Implementing Crisis Stabilization Units",
                  publisher: CSG,
                  url: "https://jmhcp.org/resources/tips-for-successfully-implementing-crisis-stabilization-units",
                  description: "Practical tips on confirming need, building support, planning operations and funding.",
                },
              ],
            },
          ],
        },
      ],
      discussionQuestions: [
        "Which option best matches the needs our data and community input showed, rather than what is popular elsewhere?",
        "Are 911 and 988 staff comfortable with the proposed call types — and if not, what would make them comfortable?",
        "What could go wrong for a caller at each handoff, and how would we know?",
        "What will we say to people who wanted a different option chosen first?",
      ],
    },

    // =======================================================================
    // 5. Capacity and resources
    // =======================================================================
    {
      key: "capacity-resources",
      title: "Capacity and resources",
      intro: "Estimate how big the response needs to be, who will staff it, how it will be paid for, and which agreements must be signed first.",
      worksheets: [
        {
          key: "capacity-estimate",
          title: "Capacity estimate",
          intro:
            "A rough estimate of how many crisis episodes to expect and how much mobile, facility and staff capacity they call for. Every assumption is yours to change.",
          frameworks: [FW.crisisNow, FW.samhsa],
          items: [
            {
              key: "capacity.how-to",
              kind: "instructions",
              label: "How the estimate works",
              body:
                "The assumptions below start from the Crisis Now calculator's published defaults, as reported in public guidance. They are national starting points, not targets; replace any of them with local figures. This worksheet does not copy the calculator's formulas; it uses its own simple ones, shown here so anyone can check them:\n\n" +
                "- Monthly episodes = population ÷ 100,000 × episodes per 100,000 per month.\n" +
                "- Mobile crisis episodes = monthly episodes × share triaged to mobile crisis.\n" +
                "- Receiving facility episodes = monthly episodes × share triaged to receiving facilities + mobile episodes × share referred on from mobile.\n" +
                "- Emergency department episodes = monthly episodes × share triaged to emergency departments.\n" +
                "- Short-term bed admissions = receiving facility episodes × share referred to short-term beds.\n" +
                "- Inpatient admissions = short-term bed admissions × share referred to inpatient + emergency department episodes × share referred to inpatient.\n" +
                "- Per day = per month ÷ 30.\n" +
                "- Mobile staff on duty at once = mobile episodes per day × hours per intervention ÷ 24, rounded up.\n" +
                "- Short-term beds = admissions per day × average stay in days, rounded up.\n\n" +
                "As a check: 250,000 people works out to roughly 500 presentations a month, or about 17 a day; at about 3 hours each, that means at least 3 staff on every shift.",
            },
            {
              key: "capacity.population",
              kind: "number",
              label: "Population served",
              help: "Copy this from the community profile.",
              required: true,
              min: 0,
              integer: true,
              unit: "people",
            },
            {
              key: "capacity.episodes-per-100k",
              kind: "number",
              label: "Crisis episodes needing an in-person response, per 100,000 people per month",
              help: percentHelp("about 230 per 100,000 per month"),
              required: true,
              min: 0,
              unit: "per 100,000 / month",
            },
            {
              key: "capacity.share-mobile",
              kind: "number",
              label: "Share first triaged to mobile crisis",
              help: percentHelp("32%", "The three first-triage shares should add up to 100%."),
              min: 0,
              max: 100,
              unit: "%",
            },
            {
              key: "capacity.share-receiving",
              kind: "number",
              label: "Share first triaged to crisis receiving facilities",
              help: percentHelp("54%"),
              min: 0,
              max: 100,
              unit: "%",
            },
            {
              key: "capacity.share-ed",
              kind: "number",
              label: "Share first triaged to emergency departments",
              help: percentHelp("14%"),
              min: 0,
              max: 100,
              unit: "%",
            },
            {
              key: "capacity.mobile-to-receiving",
              kind: "number",
              label: "Share of mobile crisis episodes referred on to a receiving facility",
              help: percentHelp("30%"),
              min: 0,
              max: 100,
              unit: "%",
            },
            {
              key: "capacity.receiving-to-beds",
              kind: "number",
              label: "Share of receiving facility episodes referred to short-term crisis beds",
              help: percentHelp("35%"),
              min: 0,
              max: 100,
              unit: "%",
            },
            {
              key: "capacity.beds-to-inpatient",
              kind: "number",
              label: "Share of short-term bed stays referred to inpatient care",
              help: percentHelp("25%"),
              min: 0,
              max: 100,
              unit: "%",
            },
            {
              key: "capacity.ed-to-inpatient",
              kind: "number",
              label: "Share of emergency department crisis episodes referred to inpatient care",
              help: percentHelp("100%"),
              min: 0,
              max: 100,
              unit: "%",
            },
            {
              key: "capacity.hours-per-intervention",
              kind: "number",
              label: "Hours per mobile crisis intervention, including travel and paperwork",
              help: "Public guidance uses about 3 hours. Ask existing teams how long a typical call takes them.",
              min: 0,
              unit: "hours",
            },
            {
              key: "capacity.bed-stay-days",
              kind: "number",
              label: "Average stay in a short-term crisis bed",
              help: "No default is given here; ask local providers what a typical stay is.",
              min: 0,
              unit: "days",
            },
            {
              key: "capacity.results",
              kind: "table",
              label: "Our estimate",
              help: "Work out each line with the formulas above and enter the results. Note any local adjustments, such as travel time in rural areas.",
              columns: [
                {
                  key: "service",
                  label: "Service",
                  type: "choice",
                  required: true,
                  options: [
                    { value: "all", label: "All crisis episodes" },
                    { value: "mobile", label: "Mobile crisis" },
                    { value: "receiving", label: "Crisis receiving facility" },
                    { value: "ed", label: "Emergency department" },
                    { value: "short-term-beds", label: "Short-term crisis beds" },
                    { value: "inpatient", label: "Inpatient" },
                  ],
                },
                { key: "per-month", label: "Episodes per month", type: "number", required: true },
                { key: "per-day", label: "Episodes per day", type: "number" },
                { key: "capacity-needed", label: "Staff on duty or beds needed", type: "number" },
                { key: "notes", label: "Notes", type: "text", maxLength: 500 },
              ],
              maxRows: 12,
            },
          ],
        },
        {
          key: "staffing-plan",
          title: "Staffing plan",
          intro: "The roles the response needs, how many people, and where hiring stands.",
          frameworks: [FW.samhsa, FW.crisisNow, FW.expandingFirstResponse],
          items: [
            {
              key: "staffing.roles",
              kind: "table",
              label: "Positions",
              help: "Include peer specialists, clinicians, supervisors, call-takers and data staff. Count full-time equivalents (FTE).",
              required: true,
              columns: [
                { key: "role", label: "Role", type: "text", required: true, maxLength: 200 },
                { key: "agency", label: "Employing agency", type: "text", maxLength: 200 },
                { key: "fte", label: "FTE", type: "number", required: true },
                {
                  key: "coverage",
                  label: "Shift coverage",
                  type: "choice",
                  options: [
                    { value: "24-7", label: "24/7" },
                    { value: "days", label: "Days" },
                    { value: "evenings", label: "Evenings" },
                    { value: "overnight", label: "Overnight" },
                    { value: "on-call", label: "On call" },
                  ],
                },
                {
                  key: "status",
                  label: "Status",
                  type: "choice",
                  options: [
                    { value: "unfunded", label: "Not yet funded" },
                    { value: "funded", label: "Funded" },
                    { value: "hiring", label: "Hiring" },
                    { value: "filled", label: "Filled" },
                  ],
                },
                { key: "start", label: "Planned start", type: "date" },
              ],
            },
            {
              key: "staffing.retention",
              kind: "long_text",
              label: "How will you recruit and keep staff?",
              help: "Crisis work is demanding. Think about pay, supervision, schedules, debriefing after hard calls and career paths for peers.",
              maxLength: 3000,
            },
          ],
        },
        {
          key: "funding",
          title: "Funding sources and sustainability",
          intro: "Where the money will come from, for how long, and how the response will keep going after start-up grants end.",
          frameworks: [FW.crisisSystem, FW.csuTips, FW.samhsa],
          items: [
            {
              key: "funding.sources",
              kind: "table",
              label: "Funding sources",
              required: true,
              columns: [
                { key: "source", label: "Source", type: "text", required: true, maxLength: 200 },
                {
                  key: "type",
                  label: "Type",
                  type: "choice",
                  options: [
                    { value: "medicaid", label: "Medicaid billing" },
                    { value: "commercial", label: "Private insurance billing" },
                    { value: "988-fee", label: "988 telecom fee" },
                    { value: "local", label: "City or county budget" },
                    { value: "state", label: "State grant or contract" },
                    { value: "federal", label: "Federal grant" },
                    { value: "settlement", label: "Opioid settlement funds" },
                    { value: "philanthropy", label: "Philanthropy" },
                    { value: "other", label: "Other" },
                  ],
                },
                { key: "amount", label: "Amount per year ($)", type: "number" },
                { key: "ends", label: "Funding ends", type: "date" },
                {
                  key: "status",
                  label: "Status",
                  type: "choice",
                  required: true,
                  options: [
                    { value: "idea", label: "Idea" },
                    { value: "planned", label: "Planning to apply" },
                    { value: "applied", label: "Applied" },
                    { value: "secured", label: "Secured" },
                  ],
                },
              ],
            },
            {
              key: "funding.gap",
              kind: "number",
              label: "Yearly funding still needed",
              help: "Estimated yearly cost minus secured funding.",
              min: 0,
              unit: "$ per year",
            },
            {
              key: "funding.sustainability",
              kind: "long_text",
              label: "Sustainability plan",
              help: "Say which costs shift to lasting sources, such as insurance billing or a line in the budget, and when.",
              maxLength: 4000,
            },
          ],
        },
        {
          key: "agreements",
          title: "Agreements needed",
          intro: "Partners usually need written agreements before they can share calls, people or information.",
          frameworks: [FW.pmhc, FW.csuTips, FW.dispatchTips],
          items: [
            {
              key: "agreements.needed",
              kind: "checklist",
              label: "Which agreements does the plan need?",
              required: true,
              options: [
                { value: "911-988", label: "911–988 call transfer agreement" },
                { value: "police-mobile", label: "Police and mobile crisis team agreement" },
                { value: "csu-referral", label: "Referral agreement with a stabilization or receiving facility" },
                { value: "hospital", label: "Hospital transfer agreement" },
                { value: "data-sharing", label: "Data-sharing agreement for evaluation" },
                { value: "consent", label: "Consent form for sharing a person's information" },
                { value: "privacy-review", label: "Legal review of health-privacy rules (HIPAA, 42 CFR Part 2)" },
                { value: "transport", label: "Transportation agreement" },
              ],
            },
            {
              key: "agreements.tracker",
              kind: "table",
              label: "Agreement tracker",
              columns: [
                { key: "agreement", label: "Agreement", type: "text", required: true, maxLength: 200 },
                { key: "parties", label: "Parties", type: "text", maxLength: 300 },
                { key: "lead", label: "Team lead", type: "member", required: true },
                { key: "target", label: "Target date", type: "date" },
                { key: "status", label: "Status", type: "choice", options: AGREEMENT_STATUS },
              ],
            },
          ],
        },
      ],
      discussionQuestions: [
        "Do our capacity numbers feel right to the people doing this work today? If not, which assumption is off?",
        "What happens to the response if our largest funding source ends?",
        "Which agreement is most likely to hold us up, and who can unblock it?",
        "Can we recruit the staff we need — and what will help them stay?",
      ],
    },

    // =======================================================================
    // 6. Implementation plan
    // =======================================================================
    {
      key: "implementation",
      title: "Implementation plan",
      intro: "Turn decisions into concrete steps with owners and dates, and prepare the people and the public for the change.",
      worksheets: [
        {
          key: "implementation-action-plan",
          title: "Action plan",
          intro: "Every step the team has agreed to take, who owns it and when it is due. The team reviews this list at each meeting.",
          frameworks: [FW.sim, FW.expandingFirstResponse, FW.pmhc],
          items: [
            {
              key: "implementation.phase",
              kind: "single_choice",
              label: "Where is the effort today?",
              help: "Programs usually move from getting ready, to starting up, to running day to day.",
              options: [
                { value: "readiness", label: "Readiness: exploring and planning" },
                { value: "implementation", label: "Implementation: hiring, training, launching" },
                { value: "operation", label: "Operation: running and improving" },
              ],
            },
            {
              key: "implementation.action-plan",
              kind: "action_plan",
              label: "Action plan",
              help: "Write each step so someone could tell when it is done. Each step needs an owner who is on the team and a due date.",
              required: true,
            },
            {
              key: "implementation.launch-date",
              kind: "date",
              label: "Target launch date for the new response",
              required: true,
            },
          ],
        },
        {
          key: "training-plan",
          title: "Training plan",
          intro: "Who needs to learn what before launch, and how the training will keep going afterward.",
          frameworks: [FW.pmhc, FW.dispatchTips, FW.ruralTraining],
          items: [
            {
              key: "training.topics",
              kind: "checklist",
              label: "Topics the plan covers",
              options: [
                { value: "crisis-intervention", label: "Crisis intervention and de-escalation" },
                { value: "dispatch-protocol", label: "The new call-taker and dispatcher protocol" },
                { value: "trauma-informed", label: "Trauma-informed approaches" },
                { value: "suicide", label: "Suicide risk and safety planning" },
                { value: "idd", label: "Intellectual and developmental disabilities" },
                { value: "substance-use", label: "Substance use and overdose response" },
                { value: "peer-roles", label: "Working alongside peer specialists" },
                { value: "cross-agency", label: "How each partner agency works" },
              ],
            },
            {
              key: "training.sessions",
              kind: "table",
              label: "Training sessions",
              required: true,
              columns: [
                { key: "course", label: "Course", type: "text", required: true, maxLength: 200 },
                {
                  key: "audience",
                  label: "Audience",
                  type: "choice",
                  required: true,
                  options: [
                    { value: "call-takers", label: "Call-takers and dispatchers" },
                    { value: "officers", label: "Officers" },
                    { value: "clinicians", label: "Clinicians and responders" },
                    { value: "peers", label: "Peer specialists" },
                    { value: "ems", label: "EMS / fire" },
                    { value: "mixed", label: "Mixed group" },
                  ],
                },
                { key: "hours", label: "Hours", type: "number" },
                { key: "trainer", label: "Trainer or provider", type: "text", maxLength: 200 },
                { key: "date", label: "Date", type: "date" },
                { key: "owner", label: "Organized by", type: "member" },
              ],
            },
          ],
        },
        {
          key: "communications-plan",
          title: "Communications plan",
          intro: "A new response only works if people know when to use it and trust it. Plan what you will say, to whom, and how.",
          frameworks: [FW.shared988, FW.crisisSystem],
          items: [
            {
              key: "comms.messages",
              kind: "long_text",
              label: "Key messages",
              help: "Three or four short messages in everyday language. Test them with people with lived experience before using them.",
              required: true,
              maxLength: 3000,
            },
            {
              key: "comms.audiences",
              kind: "multiple_choice",
              label: "Who needs to hear them?",
              options: [
                { value: "public", label: "The general public" },
                { value: "families", label: "Families and caregivers" },
                { value: "frontline", label: "Officers, dispatchers and responders" },
                { value: "providers", label: "Health and social service providers" },
                { value: "schools", label: "Schools and colleges" },
                { value: "officials", label: "Elected officials" },
                { value: "media", label: "Local media" },
              ],
              allowOther: true,
            },
            {
              key: "comms.channels",
              kind: "long_text",
              label: "Channels and timing",
              help: "Which channels reach each audience, who speaks for the effort, and when each message goes out.",
              maxLength: 3000,
            },
            {
              key: "comms.spokesperson",
              kind: "short_text",
              label: "Who speaks to the media for the team?",
              maxLength: 200,
            },
          ],
        },
        {
          key: "risks",
          title: "Risks",
          intro: "Name what could go wrong early, so the team can prepare rather than react.",
          frameworks: [FW.pmhc, FW.expandingFirstResponse],
          items: [
            {
              key: "risks.register",
              kind: "table",
              label: "Risk register",
              help: "Include risks to people served and staff, not only to budgets and timelines.",
              required: true,
              columns: [
                { key: "risk", label: "Risk", type: "text", required: true, maxLength: 500 },
                { key: "likelihood", label: "Likelihood", type: "choice", options: LOW_MED_HIGH, required: true },
                { key: "impact", label: "Impact", type: "choice", options: LOW_MED_HIGH, required: true },
                { key: "mitigation", label: "What we will do about it", type: "text", maxLength: 1000 },
                { key: "owner", label: "Owner", type: "member" },
              ],
            },
          ],
        },
      ],
      discussionQuestions: [
        "Is every action step owned by someone who has agreed to it and has time for it?",
        "What is the smallest version of the new response we could launch safely, and learn from?",
        "How will frontline staff tell us early that something isn't working?",
        "Which risk worries us most, and is our plan for it good enough?",
      ],
    },

    // =======================================================================
    // 7. Measuring performance
    // =======================================================================
    {
      key: "measuring-performance",
      title: "Measuring performance",
      intro: "Choose a few measures that show whether the response helps people, set targets, and build a habit of reviewing them together.",
      worksheets: [
        {
          key: "metrics",
          title: "Metrics chosen",
          intro: "Pick the measures you will track. Fewer measures, collected well, beat a long list nobody keeps up.",
          frameworks: [FW.expandingFirstResponse, FW.gplMetrics, FW.veraToolkit, FW.pmhc],
          items: [
            {
              key: "metrics.call-response",
              kind: "checklist",
              label: "Call and response measures",
              required: true,
              options: [
                { value: "eligible-calls", label: "Calls eligible for the new response" },
                { value: "calls-responded", label: "Calls the new response handled" },
                { value: "people-served", label: "Unique people served" },
                { value: "repeat-calls", label: "Repeat calls per person" },
                { value: "call-volume-type", label: "Call volume, origin and type" },
                { value: "response-time", label: "Response time and time on scene" },
                { value: "police-involvement", label: "Calls needing police involvement" },
              ],
            },
            {
              key: "metrics.outcomes",
              kind: "checklist",
              label: "Outcome measures",
              required: true,
              options: [
                { value: "referred", label: "People referred to services" },
                { value: "declined", label: "People who declined a referral" },
                { value: "connected", label: "People connected to care after referral" },
                { value: "resolved-on-scene", label: "Encounters resolved on scene" },
                { value: "jail-diversion", label: "Encounters diverted from jail" },
                { value: "transports-holds", label: "Transports and involuntary holds" },
                { value: "arrests", label: "Arrests" },
                { value: "force-injuries", label: "Use of force and injuries" },
                { value: "follow-up", label: "Follow-up contacts completed" },
              ],
            },
            {
              key: "metrics.equity",
              kind: "multiple_choice",
              label: "How will you break the measures down to check fairness?",
              help: "Breakdowns show whether some groups or neighborhoods get a different response. Check privacy rules before publishing small numbers.",
              options: [
                { value: "race-ethnicity", label: "Race and ethnicity" },
                { value: "age", label: "Age group" },
                { value: "gender", label: "Gender" },
                { value: "neighborhood", label: "Neighborhood or district" },
                { value: "language", label: "Language" },
                { value: "housing", label: "Housing status" },
              ],
              allowOther: true,
            },
            {
              key: "metrics.custom",
              kind: "long_text",
              label: "Other measures the team wants to track",
              help: "For example: surveys of people served, of the wider community, and of responders.",
              maxLength: 3000,
            },
          ],
        },
        {
          key: "baseline-targets",
          title: "Baseline and targets",
          intro: "For each measure, record where things stand now and where the team wants them to be.",
          frameworks: [FW.crisisSystem, FW.pmhc],
          items: [
            {
              key: "targets.table",
              kind: "table",
              label: "Baselines and targets",
              help: "Use the call data and outcome worksheets for baselines. Pick targets the team believes it can reach.",
              required: true,
              columns: [
                { key: "metric", label: "Measure", type: "text", required: true, maxLength: 300 },
                { key: "baseline", label: "Baseline", type: "number" },
                { key: "baseline-period", label: "Baseline period", type: "text", maxLength: 100 },
                { key: "target", label: "Target", type: "number", required: true },
                { key: "target-date", label: "Target date", type: "date" },
                { key: "source", label: "Data source", type: "text", maxLength: 200 },
              ],
            },
          ],
        },
        {
          key: "data-review",
          title: "Data collection and review",
          intro: "Who collects which data, how it reaches the team, and how often the team looks at it together.",
          frameworks: [FW.crisisSystem, FW.pmhc, FW.expandingFirstResponse],
          items: [
            {
              key: "review.cadence",
              kind: "single_choice",
              label: "How often will the team review performance data?",
              required: true,
              options: [
                { value: "monthly", label: "Monthly" },
                { value: "quarterly", label: "Quarterly" },
                { value: "twice-yearly", label: "Twice a year" },
                { value: "yearly", label: "Yearly" },
              ],
            },
            {
              key: "review.reports",
              kind: "table",
              label: "Reports",
              columns: [
                { key: "report", label: "Report", type: "text", required: true, maxLength: 200 },
                { key: "audience", label: "Audience", type: "text", maxLength: 200 },
                {
                  key: "frequency",
                  label: "Frequency",
                  type: "choice",
                  options: [
                    { value: "monthly", label: "Monthly" },
                    { value: "quarterly", label: "Quarterly" },
                    { value: "yearly", label: "Yearly" },
                  ],
                },
                { key: "prepared-by", label: "Prepared by", type: "member", required: true },
              ],
            },
            {
              key: "review.process",
              kind: "long_text",
              label: "How the team will act on what the data shows",
              help: "Describe how a worrying trend turns into a change: who raises it, where it is discussed and how decisions are recorded.",
              maxLength: 4000,
            },
            {
              key: "review.first-review",
              kind: "date",
              label: "Date of the first data review meeting",
            },
          ],
        },
        {
          key: "pmhc-self-assessment",
          title: "Police-mental health collaboration self-assessment",
          intro:
            "Six questions a law enforcement executive and partners can ask about their collaboration. Rate each one together, and repeat the exercise each year to see progress.",
          frameworks: [FW.pmhc, FW.pmhcSelfAssessment, FW.pmhcToolkit, FW.roadmapReportCard],
          items: [
            {
              key: "pmhc.how-to",
              kind: "instructions",
              label: "How to rate",
              body:
                "Answer as a group, with police and behavioral-health partners in the room. Rate where things stand today, not where they will be once plans are carried out. If you can't decide between two ratings, take the lower one and write the higher one down as your goal. The six questions come from the PMHC framework; the 1–5 scale and the tie-break rule come from the Report Card in the Roadmap to the Ideal Crisis System (2021).",
            },
            {
              key: "pmhc.leadership",
              kind: "rating",
              label: "Are leaders committed to the collaboration?",
              help: "Look for visible support from the chief or sheriff and behavioral-health leadership, and for dedicated time and budget.",
              required: true,
              pointLabels: PROGRESS_POINT_LABELS,
            },
            {
              key: "pmhc.policies",
              kind: "rating",
              label: "Are there clear policies and procedures for these calls?",
              help: "Think of written policies covering dispatch, response, transport and handoffs, known and used by staff.",
              required: true,
              pointLabels: PROGRESS_POINT_LABELS,
            },
            {
              key: "pmhc.training",
              kind: "rating",
              label: "Are staff trained in mental health and in helping people stabilize?",
              required: true,
              pointLabels: PROGRESS_POINT_LABELS,
            },
            {
              key: "pmhc.services",
              kind: "rating",
              label: "Does the community offer the full range of crisis services and supports?",
              required: true,
              pointLabels: PROGRESS_POINT_LABELS,
            },
            {
              key: "pmhc.data",
              kind: "rating",
              label: "Is data collected and reviewed against the key outcomes?",
              help: "Key outcomes include connections to care, fewer repeat encounters, fewer arrests, and less use of force and fewer injuries.",
              pointLabels: PROGRESS_POINT_LABELS,
            },
            {
              key: "pmhc.improvement",
              kind: "rating",
              label: "Is there a standing process to review and improve performance?",
              pointLabels: PROGRESS_POINT_LABELS,
            },
            {
              key: "pmhc.goals",
              kind: "table",
              label: "Goals for next year",
              help: "For the questions where you chose the lower of two ratings, write the higher one as a goal and the step that would get you there.",
              columns: [
                {
                  key: "question",
                  label: "Question",
                  type: "choice",
                  required: true,
                  options: [
                    { value: "leadership", label: "Leadership commitment" },
                    { value: "policies", label: "Policies and procedures" },
                    { value: "training", label: "Training" },
                    { value: "services", label: "Range of services" },
                    { value: "data", label: "Data and outcomes" },
                    { value: "improvement", label: "Review and improvement" },
                  ],
                },
                { key: "goal-rating", label: "Goal rating (1–5)", type: "number", required: true },
                { key: "next-step", label: "Next step", type: "text", maxLength: 500 },
              ],
              maxRows: 12,
            },
            {
              key: "pmhc.resources",
              kind: "resource_links",
              label: "The full self-assessment and framework",
              links: [
                {
                  title: "Police-Mental Health Collaboration Self-Assessment Tool",
                  publisher: CSG,
                  url: "https://jmhcp.org/resources/police-mental-health-collaboration-self-assessment-tool",
                  description: "The online self-assessment; go deeper on each question and its essential elements.",
                },
                {
                  title: "Police-Mental Health Collaborations: A Framework for Implementing Effective Law Enforcement Responses for People Who Have Mental Health Needs",
                  publisher: CSG,
                  url: "https://jmhcp.org/resources/police-mental-health-collaborations-a-framework-for-implementing-effective-law-enforcement-responses-for-people-who-have-mental-health-needs",
                  description: "The framework behind these six questions.",
                },
              ],
            },
          ],
        },
      ],
      discussionQuestions: [
        "Would the people we serve agree that these measures capture what matters to them?",
        "Who will notice first if the numbers start going the wrong way, and what happens next?",
        "Which groups or neighborhoods might be getting a different response, and how will we find out?",
        "What would we stop doing if the data showed it wasn't helping?",
      ],
    },
  ],
};

export const crisisResponseTemplate: Template = templateSchema.parse(template);
