-- Videos (YouTube, Vimeo, …) are resources to watch, not pages to fetch: kind 'video', state 'not_fetched'.
-- Links to video hosts stored before as plain links move over (the host list is ResourceKinds.VIDEO_HOSTS), and
-- their queued jobs close: no worker fetches them. Chunks already stored from such a page stay (cards may cite them).
UPDATE resource SET type = 'video', state = 'not_fetched', reason = 'video: not fetched'
WHERE url IS NOT NULL AND type = 'link'
  AND lower(substring(url FROM '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]+)'))
      ~ '(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com|dailymotion\.com|dai\.ly|twitch\.tv|wistia\.com|loom\.com)$';

UPDATE ingest_job SET state = 'done', updated_at = now()
WHERE kind = 'resource' AND state = 'queued' AND resource_id IN (SELECT id FROM resource WHERE type = 'video');
