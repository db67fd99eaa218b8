/**
 * Medical vocabulary for spotting injuries and treatment in prose. Stems are matched at word
 * starts ("fractur" finds fracture, fractured) and whole words end at a word boundary, so
 * "car" never matches "care" and "ER" never matches "other".
 */
export const INJURY_PATTERN =
  /\b(fractur\w*|broken (?:bones?|arm|leg|wrist|ankle|hip|ribs?|nose|jaw|neck|back|collarbone)|torn|tears?|lacerat\w*|sprain\w*|strain\w*|contusion\w*|concussion\w*|TBI|traumatic brain injur\w*|brain injur\w*|herniat\w*|disc protrusion|protrusion|radiculopathy|whiplash|puncture\w*|bites?|bitten|scar\w*|disfigure\w*|PTSD|burns?|amputat\w*|dislocat\w*|hematoma|paraly\w*|injur\w*|damage to|liver damage|spleen|transection|severed|cognitive deficits?|trauma\w*|abscess\w*|seps\w*|septic|infect\w*|peritonitis|jaundice|ruptur\w*)\b/i;

export const TREATMENT_PATTERN =
  /\b(treat\w*|therap\w*|surger\w*|surgical|operat\w*|evaluat\w*|consult\w*|emergency|ER|ED|hospital\w*|discharg\w*|follow-?up|appointment|imaging|MRI|CT|x-?rays?|diagnos\w*|rehabilitat\w*|clinic|chiropract\w*|craniotomy|ORIF|stitch\w*|sutur\w*|injection\w*|counsel\w*|prophylaxis|ICU|admi(?:tted|ssion))\b/i;

/** Reports about the case rather than care of the patient: experts, engineers, economists, vocational and legal work. */
export const NON_TREATMENT_PATTERN = /\b(expert|engineer\w*|economist|vocational|investigat\w*|osha|database|emails?|discovery|claims?|deposition|attorney|counsel for)\b/i;

export const SEVERE_PATTERN =
  /\b(permanent\w*|fractur\w*|surger\w*|surgical|ORIF|craniotomy|TBI|traumatic brain injur\w*|amputat\w*|paraly\w*|disfigure\w*|scarring|ICU|hardware|spinal|vertebra\w*|liver damage|hepaticojejunostomy|cognitive deficits?|cannot return to work|unable to work|seps\w*|septic|second surgery)\b/i;

export const MODERATE_PATTERN = /\b(torn|tear|herniat\w*|disc protrusion|radiculopathy|lacerat\w*|stitch\w*|puncture\w*|PTSD|concussion|dislocat\w*|injection\w*|physical therapy)\b/i;

/** "Dr. Ibrahim", "Dr. Linda Park" — a doctor's name as written. */
export const DOCTOR_PATTERN = /\bDr\.\s+(?:\p{Lu}[\p{L}'-]+)(?:\s+\p{Lu}[\p{L}'-]+)?/gu;

/** "St. Joseph's Hospital", "Tampa General Hospital", "Active Motion Physical Therapy". */
export const FACILITY_PATTERN =
  /\b(?:St\.\s+)?(?:\p{Lu}[\p{L}'.-]*\s+){0,3}(?:Hospital|Medical Center|Health Center|Clinic|Physical Therapy|Urgent Care|Rehabilitation Center|Trauma Center)\b/gu;
