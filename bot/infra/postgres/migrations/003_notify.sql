-- Settings and glossary-layer changes reach every process at once: each write notifies the
-- channel 'studybot:<schema>' with '<what> <space>' when its transaction commits.

CREATE FUNCTION studybot_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('studybot:' || current_schema(), TG_ARGV[0] || ' ' || NEW.space);
    RETURN NULL;
END;
$$;

CREATE TRIGGER spaces_notify AFTER INSERT OR UPDATE ON spaces
FOR EACH ROW EXECUTE FUNCTION studybot_notify_change('spaces');

CREATE TRIGGER glossary_layer_notify AFTER INSERT OR UPDATE ON glossary_layer
FOR EACH ROW EXECUTE FUNCTION studybot_notify_change('glossary');
