import { applyJurisdictionRulesTool } from './tools/apply-jurisdiction-rules.tool.ts';
import { selectAuthoritiesTool } from './tools/select-authorities.tool.ts';
import { spotIssuesTool } from './tools/spot-issues.tool.ts';

export interface DeaTools {
  readonly spot_issues: typeof spotIssuesTool;
  readonly apply_jurisdiction_rules: typeof applyJurisdictionRulesTool;
  readonly select_authorities: typeof selectAuthoritiesTool;
}

export const defaultDeaTools: DeaTools = Object.freeze({
  spot_issues: spotIssuesTool,
  apply_jurisdiction_rules: applyJurisdictionRulesTool,
  select_authorities: selectAuthoritiesTool,
});
