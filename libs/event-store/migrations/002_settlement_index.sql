-- Finding plans that started and have not settled (step timers re-armed after a restart)
-- reads only these event types.
CREATE INDEX themis_events_plan_lifecycle ON themis_events (stream_id, type)
  WHERE type IN ('PlanExecutionStarted', 'PlanCompleted', 'PlanFailed', 'PlanCancelled');
