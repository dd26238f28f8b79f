-- Courses per notice (经认可的讲座类课程，其他培训按项目通知): required courses whose hours and fee a notice
-- sets, created by the registrar (issue 9 section 3, ADR 0030). The plan's fixed courses have no notice.
alter table courses add column notice_title text;
alter table courses add column notice_url text;
alter table courses add column created_by text;
alter table courses add column created_at timestamptz;
