// An example environment. Copy it per environment (or override on the command line with --parameters name=value).
using 'main.bicep'

param environmentName = 'prod'
param location = 'eastasia'

// The application ID URI of the Hub API's app registration (infra/README.md, "Register the Hub in Entra ID").
param authAudience = 'api://hub-prod'
