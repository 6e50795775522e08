// The Hub in one resource group: a Functions custom handler on Linux (Flex Consumption or Elastic Premium), its own
// data storage, the host's storage, a Key Vault for the person-key pepper, and Application Insights over Log
// Analytics. Every connection uses the app's system-assigned managed identity; no key or secret is written into app
// settings. Every endpoint comes from the cloud the template is deployed to (environment()), so the same template
// serves public Azure and Azure China. Deployment guide: infra/README.md.

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

@description('True once an administrator has locked the audit checkpoints\' retention policy: Azure refuses every change to a locked policy but an extension, so the deployment then leaves it alone.')
param auditImmutabilityLocked bool = false

@description('Days a deleted blob or container (archived feeds included) stays restorable.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int = 30

@description('Days Log Analytics keeps logs.')
@minValue(30)
param logRetentionDays int = 90

@description('FlexConsumption (the default: scales to zero) or ElasticPremium (warm instances, virtual network integration and private endpoints; the fallback in a region without Flex Consumption).')
@allowed([ 'FlexConsumption', 'ElasticPremium' ])
param hostingPlan string = 'FlexConsumption'

@description('The Elastic Premium plan size, when hostingPlan is ElasticPremium.')
@allowed([ 'EP1', 'EP2', 'EP3' ])
param premiumSku string = 'EP1'

@description('Most instances the plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance, in MB (Flex Consumption).')
@allowed([ 512, 2048, 4096 ])
param instanceMemoryMB int = 2048

@description('Instances kept warm for HTTP requests (no cold start); 0 on Flex Consumption scales to zero, Elastic Premium always keeps at least one.')
@minValue(0)
@maxValue(20)
param alwaysReadyInstances int = 0

@description('The largest feed the Hub accepts, in bytes (counted after decompression); the Functions host\'s request body limit is raised to match.')
@minValue(1048576)
param maxFeedBytes int = 536870912

@description('The temporary disk one feed batch may use while it is read, in bytes. An instance runs up to 3 batches at once (host.json) and has about 0.8 GB of temporary disk on Flex Consumption.')
@minValue(1048576)
param spillBudgetBytes int = 268435456

@description('How long an upload URL for a large feed lets a department write its file (a TimeSpan, hh:mm:ss; at most 7 days).')
param uploadUrlLifetime string = '01:00:00'

@description('Days after which an uploaded feed file the Hub never took is deleted from the uploads container.')
@minValue(1)
param staleUploadDays int = 1

var namePrefix = 'hub-${environmentName}'
// Storage and Key Vault names are global and short: a stable hash of the resource group keeps them unique.
var suffix = take(uniqueString(resourceGroup().id, environmentName), 8)
var tags = { application: 'hub', environment: environmentName }
var deploymentContainerName = 'app-package'
var pepperSecretName = 'person-key-pepper'
var packageBlobName = 'hub-functions.zip'
var hostStorageName = 'hubhost${environmentName}${suffix}'
var hubStorageName = 'hubdata${environmentName}${suffix}'
var keyVaultName = 'hubkv-${environmentName}-${suffix}'

// The cloud's endpoints, known before anything is deployed (so what-if shows them): storage and Key Vault DNS
// suffixes and the Entra ID login endpoint of the cloud this deployment runs in.
var cloud = environment()
var storageSuffix = cloud.suffixes.storage
var keyVaultUri = 'https://${keyVaultName}${cloud.suffixes.keyvaultDns}/'
// The storage token audience per cloud; environment() does not carry it. Public Azure's is the SDK's default.
var storageAudiences = {
  AzureChinaCloud: 'https://storage.azure.cn'
  AzureUSGovernment: 'https://storage.azure.us'
}
var storageAudience = storageAudiences[?cloud.name] ?? 'https://storage.azure.com'

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
    name: hubStorageName
    location: location
    tags: tags
    auditRetentionDays: auditRetentionDays
    auditImmutabilityLocked: auditImmutabilityLocked
    softDeleteRetentionDays: softDeleteRetentionDays
    staleUploadDays: staleUploadDays
  }
}

module hostStorage 'modules/hostStorage.bicep' = {
  name: 'hostStorage'
  params: {
    name: hostStorageName
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    name: keyVaultName
    location: location
    tags: tags
  }
}

// Endpoints are built from names and the cloud's suffixes (what-if can show them); the app still waits for the
// accounts and the vault it points at.
module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  dependsOn: [ hubStorage, hostStorage, keyVault ]
  params: {
    name: '${namePrefix}-${suffix}'
    location: location
    tags: tags
    hostingPlan: hostingPlan
    premiumSku: premiumSku
    hostBlobEndpoint: 'https://${hostStorageName}.blob.${storageSuffix}/'
    hostQueueEndpoint: 'https://${hostStorageName}.queue.${storageSuffix}/'
    hostTableEndpoint: 'https://${hostStorageName}.table.${storageSuffix}/'
    deploymentContainerName: deploymentContainerName
    packageBlobName: packageBlobName
    hubStorageName: hubStorageName
    hubQueueEndpoint: 'https://${hubStorageName}.queue.${storageSuffix}/'
    keyVaultUri: keyVaultUri
    pepperSecretName: pepperSecretName
    insightsConnectionString: monitoring.outputs.connectionString
    authAuthority: '${cloud.authentication.loginEndpoint}${authTenantId}/v2.0'
    authAudience: authAudience
    storageEndpointSuffix: storageSuffix
    storageAudience: storageAudience
    authorityHost: cloud.authentication.loginEndpoint
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    alwaysReadyInstances: alwaysReadyInstances
    maxFeedBytes: maxFeedBytes
    spillBudgetBytes: spillBudgetBytes
    uploadUrlLifetime: uploadUrlLifetime
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

@description('The hosting plan the app runs on.')
output hostingPlan string = hostingPlan

@description('The deployment container and blob the package goes to (Elastic Premium runs from that blob; Flex Consumption is deployed with config-zip).')
output packageBlobUrl string = 'https://${hostStorageName}.blob.${storageSuffix}/${deploymentContainerName}/${packageBlobName}'

@description('The secret the Hub reads the person-key pepper from.')
output pepperSecretName string = pepperSecretName

@description('The Hub\'s data storage account (tables, queues, feeds, rejects, audit checkpoints).')
output hubStorageAccountName string = hubStorage.outputs.name

@description('The Hub\'s blob endpoint.')
output hubBlobEndpoint string = hubStorage.outputs.blobEndpoint

@description('Application Insights, where the host\'s and the Hub\'s telemetry lands.')
output applicationInsightsName string = monitoring.outputs.insightsName
