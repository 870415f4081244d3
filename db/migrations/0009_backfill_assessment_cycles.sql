-- Existing assessments get their cycle: per vendor and service, one more than the number of decided
-- assessments created before it, and the latest of those as the previous cycle (the rule the portal
-- applies to new assessments).
WITH ordered AS (
	SELECT a.id,
		(SELECT count(*) FROM "assessment" p
			WHERE p.vendor_id = a.vendor_id
			AND p.service_id IS NOT DISTINCT FROM a.service_id
			AND p.state = 'decided'
			AND (p.created_at, p.id) < (a.created_at, a.id)) AS earlier_decided,
		(SELECT p.id FROM "assessment" p
			WHERE p.vendor_id = a.vendor_id
			AND p.service_id IS NOT DISTINCT FROM a.service_id
			AND p.state = 'decided'
			AND (p.created_at, p.id) < (a.created_at, a.id)
			ORDER BY p.created_at DESC, p.id DESC LIMIT 1) AS previous_id
	FROM "assessment" a
)
UPDATE "assessment" SET "cycle" = ordered.earlier_decided + 1, "previous_assessment_id" = ordered.previous_id
FROM ordered WHERE "assessment".id = ordered.id;
