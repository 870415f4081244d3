-- No query reads raw usage events by service since the dashboards moved to the rollups (the devices
-- page reads by browser, retention by time), yet every stored event updated this index: one of five
-- on the busiest table, with inserts spread over every service's range. Dropping the parent index drops
-- it from every monthly partition.
DROP INDEX IF EXISTS "usage_event_service_time_idx";
