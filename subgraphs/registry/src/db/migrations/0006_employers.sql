-- Employers (单位) that run their own face-to-face training sign in with their unified social credit code.
create table employers (
  credit_code text primary key,
  name text not null,
  contact_name text not null,
  contact_mobile text not null,
  password_hash text not null,
  created_at timestamptz not null
);

-- The ID numbers an employer lists as its staff: only they may register for its employer-run sessions.
create table employer_staff (
  credit_code text not null references employers (credit_code),
  id_number text not null,
  listed_at timestamptz not null,
  primary key (credit_code, id_number)
);
create index employer_staff_id_number_idx on employer_staff (id_number);
