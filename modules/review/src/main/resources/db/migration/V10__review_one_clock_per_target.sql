-- Supervisor review (modules/review), issue 10: one definition per time target and notes fixed at sign-off.

-- Each call's timings are now measured on the clock its target names (answer from the first ring; location
-- and dispatch from the answer) and each session keeps the targets it was marked against, so lists, CSV and
-- progress agree with the score. The index holds only figures derived from the event log: it is emptied here
-- and rebuilt from the log on next use (nothing else is lost).
ALTER TABLE review_session_index ADD COLUMN answer_target_s INTEGER;
ALTER TABLE review_session_index ADD COLUMN location_target_s INTEGER;
ALTER TABLE review_session_index ADD COLUMN dispatch_target_s INTEGER;
DELETE FROM review_transcript;
DELETE FROM review_session_index;

-- After sign-off no note can be added, as the sign-off dialog says; changes of grade or comment are still
-- kept in review_history.
CREATE TRIGGER review_note_fixed_after_sign_off_insert BEFORE INSERT ON review_note
WHEN EXISTS (SELECT 1 FROM review_assessment a WHERE a.session_id = NEW.session_id AND a.signed_off_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'review_note: the session is signed off; notes cannot be added');
END;
