-- A new version of the 汇报模式 deck. $version: integer; $saved_at: timestamp; $saved_by: varchar;
-- $body: the slides as JSON text.
insert into presentation_decks values ($version, $saved_at, $saved_by, $body)
