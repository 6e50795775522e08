// Log Analytics and a workspace-based Application Insights resource for the Hub's host logs and its own telemetry.

@description('Prefix of every resource name, e.g. hub-prod.')
param namePrefix string

param location string
param tags object

@description('Days the workspace keeps logs.')
@minValue(30)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry is accepted only with an Entra token (the app's managed identity), not with the instrumentation key
    // alone, so the key in the connection string is no secret worth stealing.
    DisableLocalAuth: true
    // Client IP addresses are personal data; the Hub's telemetry carries none.
    DisableIpMasking: false
  }
}

output insightsName string = insights.name
output connectionString string = insights.properties.ConnectionString
output workspaceId string = workspace.id
