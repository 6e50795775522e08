#!/usr/bin/env bash
# Registers the Hub in Entra ID for people and machines, and gives people their area. Microsoft Graph through `az rest`
# in the cloud az is set to (`az cloud set --name AzureCloud | AzureChinaCloud | AzureUSGovernment`); each step is
# idempotent, so a second run changes only what differs.
#
#   register.sh apps   --env prod --resource-group rg-hub-prod --function-app <name> [--console-origin https://…] [--dry-run]
#       The API registration (app roles from app-roles.json, the delegated scope from api-scope.json, v2.0 tokens,
#       acceptMappedClaims), its service principal (assignment required), the directory extension attributes
#       division, grid and department, the claims-mapping policy that emits them as the claims division, grid and
#       department and its assignment to the API's service principal; the console's SPA registration (redirect URI
#       <origin>/api/console/redirect.html, pre-authorised for the scope); and the function app's console settings.
#   register.sh user   --env prod --user <upn|object id> --division <12 digits> [--grid G08] [--department <source>] [--dry-run]
#       Sets a person's extension attributes (an empty value clears one).
#   register.sh assign --env prod --user <upn|object id|group object id> --role Hub.GridWorker [--dry-run]
#       Grants a person (or group) one of the API's app roles.
#
# --dry-run calls nothing: it prints every request as one JSON line ({"method","uri","headers","body"} for Graph,
# {"command":[…]} for other az commands) with <placeholders> where a value would come from an answer.
# --cloud <name> states the cloud (checked against az's in a real run; used as is in a dry run, else AzureCloud).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
command=${1:-}
shift || true
env='' resource_group='' function_app='' console_origin='' user='' division='' grid='' department='' role='' cloud='' dry_run=false
api_app_id=''
grid_set=false department_set=false
die() { echo "register.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --env) env=$2; shift 2 ;;
    --resource-group) resource_group=$2; shift 2 ;;
    --function-app) function_app=$2; shift 2 ;;
    --console-origin) console_origin=${2%/}; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --division) division=$2; shift 2 ;;
    --grid) grid=$2; grid_set=true; shift 2 ;;
    --department) department=$2; department_set=true; shift 2 ;;
    --role) role=$2; shift 2 ;;
    --api-app-id) api_app_id=$2; shift 2 ;;
    --cloud) cloud=$2; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    *) die "unknown option $1 (see the comment at the top of this script)" ;;
  esac
done
case $command in apps | user | assign) ;; *) die "usage: register.sh apps|user|assign --env <name> … [--dry-run]" ;; esac
[[ $env =~ ^[a-z0-9-]{1,20}$ ]] || die "--env must be 1-20 lower-case letters, digits or hyphens (e.g. prod)"
command -v jq >/dev/null || die "jq is required"

# The cloud: the one az is set to, unless a dry run names it.
if command -v az >/dev/null 2>&1; then
  az_cloud=$(az cloud show --query name -o tsv)
  if [ -n "$cloud" ] && [ "$cloud" != "$az_cloud" ] && [ "$dry_run" = false ]; then
    die "az is set to $az_cloud, not $cloud: run az cloud set --name $cloud && az login"
  fi
  cloud=${cloud:-$az_cloud}
elif [ "$dry_run" = false ]; then
  die "the Azure CLI (az) is required"
fi
cloud=${cloud:-AzureCloud}
case $cloud in
  AzureCloud) graph=https://graph.microsoft.com login=https://login.microsoftonline.com sites=azurewebsites.net ;;
  AzureChinaCloud) graph=https://microsoftgraph.chinacloudapi.cn login=https://login.chinacloudapi.cn sites=chinacloudsites.cn ;;
  AzureUSGovernment) graph=https://graph.microsoft.us login=https://login.microsoftonline.us sites=azurewebsites.us ;;
  *) die "unknown cloud $cloud" ;;
esac

# One Graph request. A real run leaves the answer in $answer ({} when there is none); a dry run prints the request.
answer='{}'
graph_request() {
  local method=$1 path=$2 body=${3:-} header=${4:-}
  local uri="$graph/v1.0$path"
  if [ "$dry_run" = true ]; then
    jq -cn --arg method "$method" --arg uri "$uri" --arg header "$header" --arg body "$body" \
      '{method: $method, uri: $uri} + (if $header == "" then {} else {headers: [$header]} end) + (if $body == "" then {} else {body: ($body | fromjson)} end)'
    answer='{}'
    return
  fi
  local args=(rest --method "$method" --uri "$uri" --output json)
  [ -z "$body" ] || args+=(--body "$body")
  [ -z "$header" ] || args+=(--headers "$header")
  answer=$(az "${args[@]}")
  answer=${answer:-'{}'}
}
# A value from the last answer, or a placeholder in a dry run.
from_answer() {
  local value
  value=$(jq -r "$1 // empty" <<<"$answer")
  if [ -z "$value" ]; then
    [ "$dry_run" = true ] || die "Microsoft Graph answered without $1"
    value=$2
  fi
  printf '%s' "$value"
}
az_command() {
  if [ "$dry_run" = true ]; then
    printf '%s\n' az "$@" | jq -R . | jq -cs '{command: .}'
  else
    az "$@" --output none
  fi
}

api_unique_name="hub-api-$env"
console_unique_name="hub-console-$env"
scope_id=$(jq -r .id "$here/api-scope.json")

# The API's appId, for the user and assign commands.
api_app() {
  graph_request GET "/applications(uniqueName='$api_unique_name')?\$select=id,appId"
  api_object_id=$(from_answer .id '<apiObjectId>')
  [ -n "$api_app_id" ] || api_app_id=$(from_answer .appId '<apiAppId>')
}
# The API's `api` settings; with a console appId, that console is pre-authorised for the scope.
api_settings() {
  jq -cn --slurpfile scope "$here/api-scope.json" --arg console "$1" \
    '{requestedAccessTokenVersion: 2, acceptMappedClaims: true, oauth2PermissionScopes: [$scope[0]]}
     + (if $console == "" then {} else {preAuthorizedApplications: [{appId: $console, delegatedPermissionIds: [$scope[0].id]}]} end)'
}
extension() { printf 'extension_%s_%s' "${api_app_id//-/}" "$1"; }

register_apps() {
  [ -n "$resource_group" ] && [ -n "$function_app" ] || die "apps needs --resource-group and --function-app"
  local origin=${console_origin:-https://$function_app.$sites}
  [[ $origin =~ ^https://[^/]+$ ]] || die "--console-origin must be https://host (no path)"

  # 1. The API: app roles; then its identifier URI, v2.0 tokens, the delegated scope and acceptMappedClaims (the
  #    claims-mapping policy below changes the token's claims, which Entra ID allows an app that does not sign with
  #    its own key only then). Graph replaces `api` whole, so every PATCH of it carries all of it.
  local roles
  roles=$(jq -cn --arg name "Hub API ($env)" --slurpfile roles "$here/app-roles.json" '{displayName: $name, signInAudience: "AzureADMyOrg", appRoles: $roles[0]}')
  graph_request PATCH "/applications(uniqueName='$api_unique_name')" "$roles" "Prefer=create-if-missing"
  api_app
  graph_request PATCH "/applications/$api_object_id" "$(jq -cn --arg uri "api://$api_app_id" --argjson api "$(api_settings '')" '{identifierUris: [$uri], api: $api}')"
  graph_request PATCH "/servicePrincipals(appId='$api_app_id')" '{"appRoleAssignmentRequired": true}' "Prefer=create-if-missing"
  graph_request GET "/servicePrincipals(appId='$api_app_id')?\$select=id"
  local api_sp
  api_sp=$(from_answer .id '<apiServicePrincipalId>')

  # 2. The directory extension attributes a person's area is kept in (user.extension_<appId>_division, …).
  graph_request GET "/applications/$api_object_id/extensionProperties?\$select=name"
  local existing name
  existing=$(jq -r '.value[]?.name' <<<"$answer")
  for name in division grid department; do
    if ! grep -qx "$(extension "$name")" <<<"$existing"; then
      graph_request POST "/applications/$api_object_id/extensionProperties" "$(jq -cn --arg name "$name" '{name: $name, dataType: "String", targetObjects: ["User"]}')"
    fi
  done

  # 3. The claims-mapping policy: the three attributes as the claims the Hub reads (HubClaims), assigned to the API.
  local definition policy_name="Hub claims ($env)" policy policy_id
  definition=$(jq -cn --arg d "$(extension division)" --arg g "$(extension grid)" --arg p "$(extension department)" \
    '{ClaimsMappingPolicy: {Version: 1, IncludeBasicClaimSet: "true", ClaimsSchema: [
       {Source: "user", ExtensionID: $d, JwtClaimType: "division"},
       {Source: "user", ExtensionID: $g, JwtClaimType: "grid"},
       {Source: "user", ExtensionID: $p, JwtClaimType: "department"}]}}')
  policy=$(jq -cn --arg name "$policy_name" --arg definition "$definition" '{displayName: $name, definition: [$definition], isOrganizationDefault: false}')
  graph_request GET "/policies/claimsMappingPolicies?\$select=id,displayName"
  policy_id=$(jq -r --arg name "$policy_name" '.value[]? | select(.displayName == $name) | .id' <<<"$answer" | head -n 1)
  if [ -n "$policy_id" ]; then
    graph_request PATCH "/policies/claimsMappingPolicies/$policy_id" "$policy"
  else
    graph_request POST /policies/claimsMappingPolicies "$policy"
    policy_id=$(from_answer .id '<claimsMappingPolicyId>')
  fi
  graph_request GET "/servicePrincipals/$api_sp/claimsMappingPolicies?\$select=id"
  if ! jq -e --arg id "$policy_id" 'any(.value[]?; .id == $id)' <<<"$answer" >/dev/null; then
    graph_request POST "/servicePrincipals/$api_sp/claimsMappingPolicies/\$ref" "$(jq -cn --arg ref "$graph/v1.0/policies/claimsMappingPolicies/$policy_id" '{"@odata.id": $ref}')"
  fi

  # 4. The console: a single-page application whose sign-in returns to redirect.html, asking for the scope.
  local console console_app_id
  console=$(jq -cn --arg name "Hub console ($env)" --arg redirect "$origin/api/console/redirect.html" --arg api "$api_app_id" --arg scope "$scope_id" \
    '{displayName: $name, signInAudience: "AzureADMyOrg", spa: {redirectUris: [$redirect]},
      requiredResourceAccess: [{resourceAppId: $api, resourceAccess: [{id: $scope, type: "Scope"}]}]}')
  graph_request PATCH "/applications(uniqueName='$console_unique_name')" "$console" "Prefer=create-if-missing"
  graph_request GET "/applications(uniqueName='$console_unique_name')?\$select=appId"
  console_app_id=$(from_answer .appId '<consoleAppId>')
  graph_request PATCH "/servicePrincipals(appId='$console_app_id')" '{}' "Prefer=create-if-missing"
  # Pre-authorised: people are not asked to consent to the Hub's own console.
  graph_request PATCH "/applications/$api_object_id" "$(jq -cn --argjson api "$(api_settings "$console_app_id")" '{api: $api}')"

  # 5. The function app's console settings (Hub:Console:ClientId, Hub:Console:Scope).
  az_command functionapp config appsettings set --resource-group "$resource_group" --name "$function_app" \
    --settings "Hub__Console__ClientId=$console_app_id" "Hub__Console__Scope=api://$api_app_id/user_impersonation"

  local tenant='<tenantId>'
  [ "$dry_run" = true ] || tenant=$(az account show --query tenantId -o tsv)
  local done=Registered
  [ "$dry_run" = false ] || done="Dry run: nothing was sent. A real run registers"
  cat >&2 <<DONE
$done in $cloud. Put the API's client id in main.bicepparam (authAudience = '$api_app_id') and check that the
app's Hub__Auth__Authority is $login/$tenant/v2.0. Console sign-in: $origin/api/console/
DONE
}

set_user() {
  [ -n "$user" ] || die "user needs --user"
  [[ $division =~ ^[0-9]{12}$ ]] || die "--division must be a 12-digit division code"
  [ -z "$grid" ] || [[ $grid =~ ^[A-Za-z0-9-]{1,20}$ ]] || die "--grid must be 1-20 letters, digits or hyphens"
  [ -z "$department" ] || [[ $department =~ ^[a-z0-9-]{1,40}$ ]] || die "--department must be a source id (lower-case, digits, hyphens)"
  [ -n "$api_app_id" ] || api_app
  local body
  body=$(jq -cn --arg d "$(extension division)" --arg division "$division" '{($d): $division}')
  if [ "$grid_set" = true ]; then
    body=$(jq -c --arg g "$(extension grid)" --arg grid "$grid" '. + {($g): (if $grid == "" then null else $grid end)}' <<<"$body")
  fi
  if [ "$department_set" = true ]; then
    body=$(jq -c --arg p "$(extension department)" --arg department "$department" '. + {($p): (if $department == "" then null else $department end)}' <<<"$body")
  fi
  graph_request PATCH "/users/$(jq -rn --arg u "$user" '$u | @uri')" "$body"
}

assign_role() {
  [ -n "$user" ] && [ -n "$role" ] || die "assign needs --user and --role"
  local role_id principal api_sp
  role_id=$(jq -r --arg role "$role" '.[] | select(.value == $role) | .id' "$here/app-roles.json")
  [ -n "$role_id" ] || die "no app role $role in app-roles.json"
  [ -n "$api_app_id" ] || api_app
  graph_request GET "/servicePrincipals(appId='$api_app_id')?\$select=id"
  api_sp=$(from_answer .id '<apiServicePrincipalId>')
  if [[ $user =~ ^[0-9a-f-]{36}$ ]]; then
    principal=$user
  else
    graph_request GET "/users/$(jq -rn --arg u "$user" '$u | @uri')?\$select=id"
    principal=$(from_answer .id '<userObjectId>')
  fi
  graph_request POST "/servicePrincipals/$api_sp/appRoleAssignedTo" \
    "$(jq -cn --arg p "$principal" --arg r "$api_sp" --arg a "$role_id" '{principalId: $p, resourceId: $r, appRoleId: $a}')"
}

case $command in
  apps) register_apps ;;
  user) set_user ;;
  assign) assign_role ;;
esac
