// The Hub in one resource group: a Functions custom handler on Linux Flex Consumption, its own data storage, the
// host's storage, a Key Vault for the person-key pepper, and Application Insights over Log Analytics. Every
// connection uses the app's system-assigned managed identity; no key or secret is written into app settings.
// Deployment guide: infra/README.md.

targetScope = 'resourceGroup'

@description('Environment name, part of every resource name: 2–8 lower-case letters and digits (dev, test, prod).')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('The audience tokens must carry: the Hub API app registration\'s application (client) id, the aud of its v2.0 tokens.')
param authAudience string

@description('The Entra ID tenant that issues the Hub\'s tokens; the deployment\'s tenant by default.')
param authTenantId string = tenant().tenantId

@description('Days an audit checkpoint cannot be changed or deleted.')
@minValue(1)
param auditRetentionDays int = 2555

@description('Days a deleted blob or container (archived feeds included) stays restorable.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int = 30

@description('Days Log Analytics keeps logs.')
@minValue(30)
param logRetentionDays int = 90

@description('Most instances the Flex Consumption plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance, in MB.')
@allowed([ 512, 2048, 4096 ])
param instanceMemoryMB int = 2048

var namePrefix = 'hub-${environmentName}'
// Storage and Key Vault names are global and short: a stable hash of the resource group keeps them unique.
var suffix = take(uniqueString(resourceGroup().id, environmentName), 8)
var tags = { application: 'hub', environment: environmentName }
var deploymentContainerName = 'app-package'
var pepperSecretName = 'person-key-pepper'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    retentionInDays: logRetentionDays
  }
}

module hubStorage 'modules/hubStorage.bicep' = {
  name: 'hubStorage'
  params: {
    name: 'hubdata${environmentName}${suffix}'
    location: location
    tags: tags
    auditRetentionDays: auditRetentionDays
    softDeleteRetentionDays: softDeleteRetentionDays
  }
}

module hostStorage 'modules/hostStorage.bicep' = {
  name: 'hostStorage'
  params: {
    name: 'hubhost${environmentName}${suffix}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    name: 'hubkv-${environmentName}-${suffix}'
    location: location
    tags: tags
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  params: {
    name: '${namePrefix}-${suffix}'
    location: location
    tags: tags
    hostStorageName: hostStorage.outputs.name
    hostBlobEndpoint: hostStorage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    hubStorageName: hubStorage.outputs.name
    hubQueueEndpoint: hubStorage.outputs.queueEndpoint
    keyVaultName: keyVault.outputs.name
    pepperSecretName: pepperSecretName
    insightsConnectionString: monitoring.outputs.connectionString
    authAuthority: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
    authAudience: authAudience
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

module roleAssignments 'modules/roleAssignments.bicep' = {
  name: 'roleAssignments'
  params: {
    principalId: functionApp.outputs.principalId
    hubStorageName: hubStorage.outputs.name
    hostStorageName: hostStorage.outputs.name
    keyVaultName: keyVault.outputs.name
    insightsName: monitoring.outputs.insightsName
  }
}

@description('The function app\'s name, for az functionapp commands.')
output functionAppName string = functionApp.outputs.name

@description('The Hub\'s base URL; the API is under /api.')
output hubUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('Health probe: storage reachability, no token needed.')
output healthUrl string = 'https://${functionApp.outputs.defaultHostName}/api/health'

@description('The OpenAPI description of every endpoint.')
output openApiUrl string = 'https://${functionApp.outputs.defaultHostName}/api/openapi/v1.json'

@description('The Key Vault holding the person-key pepper.')
output keyVaultName string = keyVault.outputs.name

@description('The Key Vault\'s URI.')
output keyVaultUri string = keyVault.outputs.uri

@description('The secret the Hub reads the person-key pepper from.')
output pepperSecretName string = pepperSecretName

@description('The Hub\'s data storage account (tables, queues, feeds, rejects, audit checkpoints).')
output hubStorageAccountName string = hubStorage.outputs.name

@description('The Hub\'s blob endpoint.')
output hubBlobEndpoint string = hubStorage.outputs.blobEndpoint

@description('Application Insights, where the host\'s and the Hub\'s telemetry lands.')
output applicationInsightsName string = monitoring.outputs.insightsName
