// An example environment. Copy it per environment (or override on the command line with --parameters name=value).
using 'main.bicep'

param environmentName = 'prod'
param location = 'eastasia'

// The Hub API app registration's application (client) id: the audience of the v2.0 access tokens it issues
// (infra/README.md, "Register the Hub in Entra ID"). Replace the placeholder.
param authAudience = '00000000-0000-0000-0000-000000000000'
