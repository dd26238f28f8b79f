-- 红字发票: refunding money that was invoiced issues a reversing invoice linked to the original, so no valid
-- invoice is left for refunded money (issue 9 item 4). Never changed or removed once issued.
create table invoice_reversals (
  id uuid primary key default gen_random_uuid(),
  invoice_id uuid not null unique references invoices (id),
  refund_id uuid not null unique references refunds (id),
  number text not null unique,
  amount_fen integer not null check (amount_fen > 0),
  reason text not null,
  issued_at timestamptz not null
);

create function invoice_reversals_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'invoice_reversals is append-only';
end;
$$;
create trigger invoice_reversals_append_only before update or delete on invoice_reversals
  for each row execute function invoice_reversals_append_only();
