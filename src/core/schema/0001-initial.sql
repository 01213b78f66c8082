-- Yishi schema version 1: the whole model of the community's work.
-- Times are UTC ISO-8601 ('YYYY-MM-DDTHH:MM:SSZ'); dates typed by users are 'YYYY-MM-DD'.
-- Every row that a sync export carries has a uuid beside its integer key.

CREATE TABLE community (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  street_office TEXT NOT NULL DEFAULT '',
  district TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  supervision_phone TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE organisation (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('area_unit', 'property_company', 'owners_committee',
                                     'social_org', 'government_dept', 'other_community')),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  contact_name TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX organisation_kind ON organisation (kind, name);

CREATE TABLE grid (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  community_id INTEGER NOT NULL REFERENCES community (id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  notes TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (community_id, name)
);

CREATE TABLE building (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  grid_id INTEGER NOT NULL REFERENCES grid (id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  address TEXT NOT NULL DEFAULT '',
  floors INTEGER CHECK (floors IS NULL OR floors BETWEEN 1 AND 200),
  managed INTEGER NOT NULL DEFAULT 1 CHECK (managed IN (0, 1)),
  property_org_id INTEGER REFERENCES organisation (id),
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (grid_id, name)
);
CREATE INDEX building_grid ON building (grid_id);

CREATE TABLE unit (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  building_id INTEGER NOT NULL REFERENCES building (id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (building_id, name)
);
CREATE INDEX unit_building ON unit (building_id);

CREATE TABLE household (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  room TEXT NOT NULL CHECK (length(trim(room)) > 0),
  floor_area REAL CHECK (floor_area IS NULL OR floor_area BETWEEN 1 AND 10000),
  tenure TEXT NOT NULL DEFAULT 'owner'
    CHECK (tenure IN ('owner', 'tenant', 'collective_rental', 'vacant')),
  party_central INTEGER NOT NULL DEFAULT 0 CHECK (party_central IN (0, 1)),
  UNIQUE (unit_id, room)
);
CREATE INDEX household_unit ON household (unit_id);

CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  household_id INTEGER REFERENCES household (id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0 AND length(name) <= 64),
  gender TEXT NOT NULL DEFAULT 'unknown' CHECK (gender IN ('male', 'female', 'unknown')),
  birth_date TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  id_number TEXT UNIQUE CHECK (id_number IS NULL OR length(id_number) = 18),
  phone TEXT NOT NULL DEFAULT '',
  residence_type TEXT NOT NULL DEFAULT 'resident'
    CHECK (residence_type IN ('registered', 'resident', 'floating', 'tenant')),
  political_status TEXT NOT NULL DEFAULT 'masses'
    CHECK (political_status IN ('party_member', 'probationary_member', 'league_member',
                                'democratic_party', 'masses')),
  notes TEXT NOT NULL DEFAULT '',
  public_name_consent INTEGER NOT NULL DEFAULT 0 CHECK (public_name_consent IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX person_household ON person (household_id);
CREATE INDEX person_name ON person (name);
CREATE INDEX person_phone_tail ON person (substr(phone, -4));
CREATE INDEX person_id_tail ON person (substr(id_number, -4));
CREATE INDEX person_birth ON person (birth_date);
CREATE INDEX person_residence ON person (residence_type);

-- Where a person has lived: moving house keeps history.
CREATE TABLE residence (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  household_id INTEGER NOT NULL REFERENCES household (id),
  start_date TEXT NOT NULL,
  end_date TEXT CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX residence_person ON residence (person_id, start_date);
CREATE INDEX residence_household ON residence (household_id);

CREATE TABLE party_membership (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  category TEXT NOT NULL CHECK (category IN ('direct', 'in_service', 'floating', 'retired')),
  branch TEXT NOT NULL DEFAULT '',
  party_group TEXT NOT NULL DEFAULT '',
  joined_date TEXT,
  employer TEXT NOT NULL DEFAULT '',
  reported_date TEXT,
  end_date TEXT
);
CREATE INDEX party_membership_person ON party_membership (person_id);
CREATE INDEX party_membership_category ON party_membership (category);

-- Posts claimed by in-service party members, in the 8 kinds.
CREATE TABLE party_post_claim (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  membership_id INTEGER NOT NULL REFERENCES party_membership (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('organisation_building', 'legal_aid', 'poverty_disability_jobs',
                                     'community_governance', 'health', 'culture_sports',
                                     'safety_patrol', 'other')),
  description TEXT NOT NULL DEFAULT '',
  claimed_date TEXT NOT NULL
);
CREATE INDEX party_post_claim_membership ON party_post_claim (membership_id);

-- Roles over time with a scope (community, grid, building or unit).
CREATE TABLE role_assignment (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('grid_leader', 'grid_worker', 'building_leader', 'unit_leader',
                                     'resident_representative', 'deliberator', 'mediator',
                                     'volunteer', 'capable_resident')),
  scope_kind TEXT NOT NULL DEFAULT 'community'
    CHECK (scope_kind IN ('community', 'grid', 'building', 'unit')),
  scope_id INTEGER,
  work_phone TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL,
  end_date TEXT CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK ((scope_kind = 'community') = (scope_id IS NULL))
);
CREATE INDEX role_assignment_person ON role_assignment (person_id);
CREATE INDEX role_assignment_role ON role_assignment (role, scope_kind, scope_id);

-- The editable list of matter categories.
CREATE TABLE category (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  position INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- Deadline rules in working days, by urgency and kind.
CREATE TABLE deadline_rule (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  urgency TEXT NOT NULL CHECK (urgency IN ('red', 'yellow', 'blue')),
  kind TEXT NOT NULL CHECK (kind IN ('problem', 'need')),
  working_days INTEGER NOT NULL CHECK (working_days BETWEEN 0 AND 365),
  UNIQUE (urgency, kind)
);

-- Serial numbers per year, never reused.
CREATE TABLE issue_serial (
  year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
  last_number INTEGER NOT NULL CHECK (last_number >= 0)
);

CREATE TABLE issue (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  serial TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'visit', 'letter', 'wechat', 'hotline_12345',
                                           'door_to_door', 'suggestion_box', 'questionnaire',
                                           'forum', 'grid_patrol', 'online')),
  received_at TEXT NOT NULL,
  requester_person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  requester_name TEXT NOT NULL DEFAULT '',
  requester_phone TEXT NOT NULL DEFAULT '',
  anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
  grid_id INTEGER REFERENCES grid (id),
  building_id INTEGER REFERENCES building (id),
  unit_id INTEGER REFERENCES unit (id),
  place_text TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('problem', 'need')),
  category_id INTEGER REFERENCES category (id),
  urgency TEXT NOT NULL DEFAULT 'blue' CHECK (urgency IN ('red', 'yellow', 'blue')),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0 AND length(title) <= 200),
  content TEXT NOT NULL DEFAULT '' CHECK (length(content) <= 20000),
  scale TEXT CHECK (scale IS NULL OR scale IN ('major', 'minor', 'micro')),
  route TEXT CHECK (route IS NULL OR route IN ('immediate', 'community_office', 'council',
                                               'street_workstation', 'transfer', 'rejected',
                                               'merged')),
  responsible_person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  responsible_org_id INTEGER REFERENCES organisation (id),
  responsible_text TEXT NOT NULL DEFAULT '',
  deadline TEXT,
  state TEXT NOT NULL DEFAULT 'received'
    CHECK (state IN ('received', 'triaged', 'dispatched', 'in_progress', 'answered',
                     'in_deliberation', 'publicised', 'implementing', 'visited', 'closed',
                     'rejected', 'merged')),
  merged_into_id INTEGER REFERENCES issue (id),
  rejection_reason TEXT NOT NULL DEFAULT '',
  closed_at TEXT,
  typical_case INTEGER NOT NULL DEFAULT 0 CHECK (typical_case IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (deadline IS NULL OR deadline >= substr(received_at, 1, 10)),
  CHECK ((state = 'merged') = (merged_into_id IS NOT NULL))
);
CREATE INDEX issue_received ON issue (received_at);
CREATE INDEX issue_state ON issue (state, deadline);
CREATE INDEX issue_deadline ON issue (deadline);
CREATE INDEX issue_grid ON issue (grid_id, received_at);
CREATE INDEX issue_building ON issue (building_id);
CREATE INDEX issue_category ON issue (category_id, received_at);
CREATE INDEX issue_scale_route ON issue (scale, route);
CREATE INDEX issue_requester_person ON issue (requester_person_id);
CREATE INDEX issue_closed ON issue (closed_at);

-- Everybody who asked for a matter: merging keeps both requesters in the loop.
CREATE TABLE issue_requester (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  issue_id INTEGER NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
  person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  name TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  from_issue_id INTEGER REFERENCES issue (id)
);
CREATE INDEX issue_requester_issue ON issue_requester (issue_id);

-- The timeline: append-only.
CREATE TABLE issue_event (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  issue_id INTEGER NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('receive', 'triage', 'dispatch', 'handle', 'answer', 'chase',
                                     'to_meeting', 'publicise', 'progress', 'visit', 'evaluate',
                                     'close', 'reopen', 'reject', 'merge', 'note')),
  actor TEXT NOT NULL DEFAULT '',
  from_state TEXT,
  to_state TEXT,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX issue_event_issue ON issue_event (issue_id, at);

CREATE TABLE issue_attachment (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  issue_id INTEGER NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  mime_type TEXT NOT NULL DEFAULT 'application/octet-stream',
  data BLOB NOT NULL,
  thumbnail BLOB,
  added_at TEXT NOT NULL
);
CREATE INDEX issue_attachment_issue ON issue_attachment (issue_id);

CREATE TABLE issue_link (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  issue_id INTEGER NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
  other_issue_id INTEGER NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
  kind TEXT NOT NULL DEFAULT 'duplicate' CHECK (kind IN ('duplicate', 'related')),
  CHECK (issue_id <> other_issue_id),
  UNIQUE (issue_id, other_issue_id)
);

CREATE TABLE meeting (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  form TEXT NOT NULL DEFAULT 'council'
    CHECK (form IN ('council', 'democratic_forum', 'hearing', 'appraisal', 'residents_forum',
                    'round_table', 'bench_meeting', 'evening_talk', 'online')),
  starts_at TEXT NOT NULL,
  ends_at TEXT CHECK (ends_at IS NULL OR ends_at >= starts_at),
  place TEXT NOT NULL DEFAULT '',
  convener TEXT NOT NULL DEFAULT '',
  host TEXT NOT NULL DEFAULT '',
  recorder TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'planned'
    CHECK (state IN ('planned', 'noticed', 'held', 'cancelled')),
  notice_published_at TEXT,
  signup_deadline TEXT,
  expected_count INTEGER CHECK (expected_count IS NULL OR expected_count >= 0),
  minutes TEXT NOT NULL DEFAULT '',
  evaluation TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX meeting_starts ON meeting (starts_at);
CREATE INDEX meeting_state ON meeting (state, starts_at);

CREATE TABLE meeting_participant (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role TEXT NOT NULL CHECK (role IN ('convener', 'host', 'grid_worker', 'property', 'owners_committee',
                                     'deputy', 'grid_police', 'legal_worker', 'resident_representative',
                                     'social_org', 'stakeholder', 'observer', 'recorder', 'resident')),
  organisation TEXT NOT NULL DEFAULT '',
  signed_up INTEGER NOT NULL DEFAULT 0 CHECK (signed_up IN (0, 1)),
  attendance TEXT NOT NULL DEFAULT 'expected'
    CHECK (attendance IN ('expected', 'present', 'absent', 'observer')),
  absence_reason TEXT NOT NULL DEFAULT '',
  speech_summary TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_participant_meeting ON meeting_participant (meeting_id);
CREATE INDEX meeting_participant_person ON meeting_participant (person_id);

-- One matter per agenda item (一事一议).
CREATE TABLE agenda_item (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  issue_id INTEGER REFERENCES issue (id),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  voting_method TEXT NOT NULL DEFAULT 'show_of_hands'
    CHECK (voting_method IN ('show_of_hands', 'named', 'secret', 'household')),
  votes_for INTEGER CHECK (votes_for IS NULL OR votes_for >= 0),
  votes_against INTEGER CHECK (votes_against IS NULL OR votes_against >= 0),
  votes_abstain INTEGER CHECK (votes_abstain IS NULL OR votes_abstain >= 0),
  outcome TEXT CHECK (outcome IS NULL OR outcome IN ('passed', 'rejected', 'deferred')),
  teller TEXT NOT NULL DEFAULT '',
  scrutineer TEXT NOT NULL DEFAULT '',
  resolution TEXT NOT NULL DEFAULT '',
  publicity_start TEXT,
  publicity_end TEXT,
  followup_cadence TEXT NOT NULL DEFAULT 'half_month'
    CHECK (followup_cadence IN ('half_month', 'monthly')),
  UNIQUE (meeting_id, position),
  CHECK (publicity_start IS NULL OR publicity_end >= date(publicity_start, '+6 days'))
);
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);
CREATE INDEX agenda_item_issue ON agenda_item (issue_id);

-- Named or household votes on an agenda item (Civil Code art. 278 counts area too).
CREATE TABLE vote (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
  person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  household_id INTEGER REFERENCES household (id),
  choice TEXT NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
  floor_area REAL CHECK (floor_area IS NULL OR floor_area > 0),
  cast_at TEXT NOT NULL
);
CREATE INDEX vote_agenda_item ON vote (agenda_item_id);

-- Tasks from resolutions or matters, and their follow-ups.
CREATE TABLE task (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  agenda_item_id INTEGER REFERENCES agenda_item (id) ON DELETE CASCADE,
  issue_id INTEGER REFERENCES issue (id) ON DELETE CASCADE,
  description TEXT NOT NULL CHECK (length(trim(description)) > 0),
  owner_person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  owner_text TEXT NOT NULL DEFAULT '',
  due_date TEXT,
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'cancelled')),
  completed_at TEXT,
  CHECK (agenda_item_id IS NOT NULL OR issue_id IS NOT NULL)
);
CREATE INDEX task_agenda_item ON task (agenda_item_id);
CREATE INDEX task_issue ON task (issue_id);
CREATE INDEX task_due ON task (state, due_date);

CREATE TABLE follow_up (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  task_id INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
  note TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX follow_up_task ON follow_up (task_id, at);

-- Feedback from the requester after a matter is handled.
CREATE TABLE satisfaction (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  issue_id INTEGER NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  rating TEXT CHECK (rating IS NULL OR rating IN ('satisfied', 'basically_satisfied',
                                                  'not_quite_satisfied', 'dissatisfied')),
  method TEXT NOT NULL DEFAULT 'phone' CHECK (method IN ('phone', 'visit', 'wechat', 'other')),
  respondent TEXT NOT NULL DEFAULT '',
  unreachable_reason TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  CHECK ((rating IS NULL) = (length(unreachable_reason) > 0))
);
CREATE INDEX satisfaction_issue ON satisfaction (issue_id, at);

CREATE TABLE points_rule (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  points_per_hour REAL NOT NULL CHECK (points_per_hour >= 0),
  max_hours_per_activity REAL CHECK (max_hours_per_activity IS NULL OR max_hours_per_activity > 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE points_level (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE,
  threshold REAL NOT NULL UNIQUE CHECK (threshold >= 0)
);

-- The points ledger: balances are sums, never stored.
CREATE TABLE points_entry (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'adjust')),
  rule_id INTEGER REFERENCES points_rule (id),
  hours REAL CHECK (hours IS NULL OR hours > 0),
  points REAL NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  CHECK ((kind = 'earn' AND points >= 0) OR (kind = 'redeem' AND points <= 0) OR kind = 'adjust')
);
CREATE INDEX points_entry_person ON points_entry (person_id, at);
CREATE INDEX points_entry_at ON points_entry (at);

CREATE TABLE award (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  kind TEXT NOT NULL CHECK (kind IN ('top_deliberator', 'excellent_mediator', 'typical_case',
                                     'excellent_volunteer', 'other')),
  person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  issue_id INTEGER REFERENCES issue (id) ON DELETE SET NULL,
  title TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  CHECK (person_id IS NOT NULL OR issue_id IS NOT NULL)
);
CREATE INDEX award_year ON award (year, kind);

-- Public holidays and adjusted working days (放假调休); editable data.
CREATE TABLE holiday (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL UNIQUE CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('off', 'work')),
  name TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT ''
);

-- Documents issued (notices, receipts, workbooks): what went out and when.
CREATE TABLE issued_document (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('three_lists', 'receipt', 'meeting_notice', 'resolution_notice',
                                     'minutes', 'contact_board', 'points_notice', 'ledger_workbook',
                                     'roster_workbook', 'evaluation_workbook', 'points_workbook',
                                     'sync_export')),
  title TEXT NOT NULL,
  period TEXT NOT NULL DEFAULT '',
  issued_at TEXT NOT NULL,
  actor TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL DEFAULT '',
  sha256 TEXT NOT NULL DEFAULT '',
  public INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1))
);
CREATE INDEX issued_document_kind ON issued_document (kind, issued_at);

-- Who changed what: one row per write, before and after as JSON.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_uuid TEXT,
  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'bulk')),
  before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
  after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json))
);
CREATE INDEX audit_log_row ON audit_log (table_name, row_uuid);
CREATE INDEX audit_log_at ON audit_log (at);

-- Small settings that belong to the data, not the machine.
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Reference data: editable by staff.
INSERT INTO category (uuid, name, position) VALUES
  (yishi_uuid(), '环境卫生', 0),
  (yishi_uuid(), '物业管理', 1),
  (yishi_uuid(), '停车管理', 2),
  (yishi_uuid(), '房屋维修', 3),
  (yishi_uuid(), '治安安全', 4),
  (yishi_uuid(), '邻里纠纷', 5),
  (yishi_uuid(), '公共设施', 6),
  (yishi_uuid(), '绿化养护', 7),
  (yishi_uuid(), '养老服务', 8),
  (yishi_uuid(), '就业帮扶', 9),
  (yishi_uuid(), '文化活动', 10),
  (yishi_uuid(), '政策咨询', 11),
  (yishi_uuid(), '其他', 12);

-- Working days to answer, by urgency and kind (red: within 24 h, i.e. the next working day).
INSERT INTO deadline_rule (uuid, urgency, kind, working_days) VALUES
  (yishi_uuid(), 'red', 'problem', 1),
  (yishi_uuid(), 'red', 'need', 1),
  (yishi_uuid(), 'yellow', 'problem', 5),
  (yishi_uuid(), 'yellow', 'need', 5),
  (yishi_uuid(), 'blue', 'problem', 10),
  (yishi_uuid(), 'blue', 'need', 15);

INSERT INTO points_rule (uuid, name, points_per_hour, max_hours_per_activity) VALUES
  (yishi_uuid(), '志愿服务', 1, 2),
  (yishi_uuid(), '参加议事', 1, 2),
  (yishi_uuid(), '巡逻值守', 1, 4);

INSERT INTO points_level (uuid, name, threshold) VALUES
  (yishi_uuid(), '银牌', 50),
  (yishi_uuid(), '金牌', 100);

-- The published holiday calendar (see holidays.md of the project's sources).
INSERT INTO holiday (uuid, date, kind, name, source) VALUES
  (yishi_uuid(), '2025-01-01', 'off', '元旦', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-01-28', 'off', '春节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-01-29', 'off', '春节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-01-30', 'off', '春节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-01-31', 'off', '春节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-02-01', 'off', '春节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-02-02', 'off', '春节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-02-03', 'off', '春节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-02-04', 'off', '春节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-04-04', 'off', '清明节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-04-05', 'off', '清明节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-04-06', 'off', '清明节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-05-01', 'off', '劳动节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-05-02', 'off', '劳动节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-05-03', 'off', '劳动节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-05-04', 'off', '劳动节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-05-05', 'off', '劳动节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-05-31', 'off', '端午节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-06-01', 'off', '端午节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-06-02', 'off', '端午节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-10-01', 'off', '国庆节、中秋节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-10-02', 'off', '国庆节、中秋节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-10-03', 'off', '国庆节、中秋节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-10-04', 'off', '国庆节、中秋节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-10-05', 'off', '国庆节、中秋节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-10-06', 'off', '国庆节、中秋节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-10-07', 'off', '国庆节、中秋节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-10-08', 'off', '国庆节、中秋节', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-01-26', 'work', '春节调休上班', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-02-08', 'work', '春节调休上班', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-04-27', 'work', '劳动节调休上班', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-09-28', 'work', '国庆节、中秋节调休上班', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2025-10-11', 'work', '国庆节、中秋节调休上班', '国办发明电〔2024〕12号 (2024-11-12)'),
  (yishi_uuid(), '2026-01-01', 'off', '元旦', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-01-02', 'off', '元旦', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-01-03', 'off', '元旦', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-02-15', 'off', '春节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-02-16', 'off', '春节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-02-17', 'off', '春节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-02-18', 'off', '春节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-02-19', 'off', '春节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-02-20', 'off', '春节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-02-21', 'off', '春节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-02-22', 'off', '春节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-02-23', 'off', '春节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-04-04', 'off', '清明节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-04-05', 'off', '清明节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-04-06', 'off', '清明节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-05-01', 'off', '劳动节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-05-02', 'off', '劳动节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-05-03', 'off', '劳动节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-05-04', 'off', '劳动节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-05-05', 'off', '劳动节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-06-19', 'off', '端午节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-06-20', 'off', '端午节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-06-21', 'off', '端午节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-09-25', 'off', '中秋节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-09-26', 'off', '中秋节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-09-27', 'off', '中秋节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-10-01', 'off', '国庆节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-10-02', 'off', '国庆节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-10-03', 'off', '国庆节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-10-04', 'off', '国庆节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-10-05', 'off', '国庆节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-10-06', 'off', '国庆节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-10-07', 'off', '国庆节', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-01-04', 'work', '元旦调休上班', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-02-14', 'work', '春节调休上班', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-02-28', 'work', '春节调休上班', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-05-09', 'work', '劳动节调休上班', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-09-20', 'work', '国庆节调休上班', '国务院办公厅通知 (2025-11-04)'),
  (yishi_uuid(), '2026-10-10', 'work', '国庆节调休上班', '国务院办公厅通知 (2025-11-04)');
