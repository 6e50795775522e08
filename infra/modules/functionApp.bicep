// The Hub as a Functions custom handler on Linux, on a Flex Consumption or an Elastic Premium plan: the same
// package, a system-assigned identity and every connection identity-based on either.

param name string
param location string
param tags object

@description('FlexConsumption (scales to zero, per-function scaling) or ElasticPremium (always at least one warm instance, virtual network integration and private endpoints; the fallback where a region lacks Flex Consumption).')
@allowed([ 'FlexConsumption', 'ElasticPremium' ])
param hostingPlan string

@description('The Elastic Premium plan size, when hostingPlan is ElasticPremium.')
@allowed([ 'EP1', 'EP2', 'EP3' ])
param premiumSku string

param hostBlobEndpoint string
param hostQueueEndpoint string
param hostTableEndpoint string
param deploymentContainerName string

@description('The package blob in the deployment container that an Elastic Premium app runs from.')
param packageBlobName string

param hubStorageName string
param hubQueueEndpoint string

@description('The Key Vault\'s URI, with the cloud\'s Key Vault DNS suffix.')
param keyVaultUri string

@description('Secret in the Key Vault that holds the person-key pepper.')
param pepperSecretName string

param insightsConnectionString string

@description('The Entra ID authority tokens are validated against.')
param authAuthority string

@description('The audience tokens must carry: the Hub API\'s application ID URI or client id.')
param authAudience string

@description('The cloud\'s storage endpoint suffix, from environment().')
param storageEndpointSuffix string

@description('The audience of the cloud\'s storage tokens.')
param storageAudience string

@description('The cloud\'s Entra ID authority host, from environment().')
param authorityHost string

@description('Most instances the plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance, in MB (Flex Consumption).')
@allowed([ 512, 2048, 4096 ])
param instanceMemoryMB int

@description('Instances kept warm for HTTP requests: Flex Consumption\'s always-ready instances of the http group; on Elastic Premium at least one always is.')
@minValue(0)
param alwaysReadyInstances int

@description('The largest feed the Hub accepts, in bytes.')
param maxFeedBytes int

@description('The temporary disk one batch may use, in bytes.')
param spillBudgetBytes int

@description('How long an upload URL for a large feed works (hh:mm:ss).')
param uploadUrlLifetime string

var isFlex = hostingPlan == 'FlexConsumption'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex ? { name: 'FC1', tier: 'FlexConsumption' } : { name: premiumSku, tier: 'ElasticPremium' }
  properties: {
    // Linux.
    reserved: true
    maximumElasticWorkerCount: isFlex ? null : maximumInstanceCount
  }
}

// The settings both plans share: identity-based connections, the Hub's configuration in this cloud.
var commonSettings = [
  // The host's own storage, through the managed identity. Service URIs rather than the account name: the host
  // builds URIs from a bare account name with public Azure's suffix.
  { name: 'AzureWebJobsStorage__blobServiceUri', value: hostBlobEndpoint }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: hostQueueEndpoint }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: hostTableEndpoint }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  // The queue triggers' connection ("connection": "HubStorage" in function.json): the Hub's account.
  { name: 'HubStorage__queueServiceUri', value: hubQueueEndpoint }
  { name: 'HubStorage__credential', value: 'managedidentity' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
  // The Hub's configuration (Hub:Storage:AccountName etc.). AccountName makes the Hub use the managed identity; no
  // connection string and no key is set. The suffix, token audience and authority host are this cloud's.
  { name: 'Hub__Storage__AccountName', value: hubStorageName }
  { name: 'Hub__Storage__EndpointSuffix', value: storageEndpointSuffix }
  { name: 'Hub__Storage__Audience', value: storageAudience }
  { name: 'Hub__Storage__NamePrefix', value: '' }
  { name: 'Hub__Identity__AuthorityHost', value: authorityHost }
  // Resolved by the platform with the app's identity; the value never appears in the app settings. No secret
  // version is named, so a rotated pepper is picked up (see infra/README.md before rotating).
  { name: 'Hub__PersonKey__Pepper', value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${pepperSecretName}/)' }
  // The key that wraps each person's data key (sensitive values are sealed with those). A rotation adds a second
  // key setting under a new id and makes it current (see infra/README.md).
  { name: 'Hub__Protection__Keys__k1', value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/protection-key-1/)' }
  { name: 'Hub__Protection__CurrentKey', value: 'k1' }
  { name: 'Hub__Auth__Authority', value: authAuthority }
  { name: 'Hub__Auth__Audience', value: authAudience }
  // The host refuses request bodies over 100 MB unless told otherwise; the Hub's own limit decides instead.
  { name: 'FUNCTIONS_REQUEST_BODY_SIZE_LIMIT', value: string(maxFeedBytes) }
  { name: 'Hub__Feeds__MaxPayloadBytes', value: string(maxFeedBytes) }
  { name: 'Hub__Feeds__SpillBudgetBytes', value: string(spillBudgetBytes) }
  { name: 'Hub__Feeds__UploadUrlLifetime', value: uploadUrlLifetime }
]

// Elastic Premium has no functionAppConfig: the runtime is an app setting, and the app runs from the package blob
// read with its identity. Without WEBSITE_CONTENTAZUREFILECONNECTIONSTRING no Azure Files share (and no storage
// key) is needed; a run-from-package URL is the documented way to go without one.
var premiumSettings = [
  { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
  { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'custom' }
  { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '${hostBlobEndpoint}${deploymentContainerName}/${packageBlobName}' }
  { name: 'WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID', value: 'SystemAssigned' }
]

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: isFlex
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: '${hostBlobEndpoint}${deploymentContainerName}'
              authentication: { type: 'SystemAssignedIdentity' }
            }
          }
          // On Flex Consumption the worker runtime is set here, not as the FUNCTIONS_WORKER_RUNTIME app setting
          // (the plan rejects that setting); 'custom' is what FUNCTIONS_WORKER_RUNTIME=custom means elsewhere: the
          // host starts host.json's customHandler executable (the self-contained Hub.Functions) and proxies to it.
          runtime: { name: 'custom', version: '1.0' }
          scaleAndConcurrency: {
            maximumInstanceCount: maximumInstanceCount
            instanceMemoryMB: instanceMemoryMB
            // The http group scales the Hub's HTTP functions; warm instances there spare the first request of the
            // morning a cold start.
            alwaysReady: alwaysReadyInstances > 0 ? [ { name: 'http', instanceCount: alwaysReadyInstances } ] : []
          }
        }
      : null
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // Elastic Premium: warm instances (at least one) and the scale-out ceiling of this app.
      minimumElasticInstanceCount: isFlex ? null : max(1, alwaysReadyInstances)
      functionAppScaleLimit: isFlex ? null : maximumInstanceCount
      appSettings: isFlex ? commonSettings : concat(commonSettings, premiumSettings)
    }
  }
}

output name string = app.name
output principalId string = app.identity.principalId
output defaultHostName string = app.properties.defaultHostName
