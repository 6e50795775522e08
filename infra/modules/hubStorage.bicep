// The Hub's own data: tables (facts, residents, candidates, reviews, batches, audit, auditbyperson, grants, events, subscriptions, deliveries, worklist, corrections, keymap), queues
// (feed-batches, push-deliveries and their poison queues) and
// containers (feeds, rejects, divisions, auditcheckpoints, uploads). Separate from the Functions host's storage account: see
// infra/README.md ("Two storage accounts").

@description('Globally unique storage account name: 3-24 lower-case letters and digits.')
@minLength(3)
@maxLength(24)
param name string

param location string
param tags object

@description('Days an audit checkpoint blob cannot be changed or deleted once written.')
@minValue(1)
param auditRetentionDays int

@description('True once the retention policy is locked: it is then left out of the deployment, which could only fail on it.')
param auditImmutabilityLocked bool

@description('Days a deleted blob or container (an archived feed included) can still be restored.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int

@description('Days after which an uploaded feed file the Hub never took is deleted.')
@minValue(1)
param staleUploadDays int

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    accessTier: 'Hot'
    // Identity only: no account keys, no SAS signed with them, so none can leak into configuration.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    // The feed archive is the Hub's replayable record of what each department sent. It is not WORM, because
    // intake deletes a payload it has just written when it turns out empty, oversized or a repeat; so a deleted
    // blob or container stays restorable for the retention period instead.
    deleteRetentionPolicy: { enabled: true, days: softDeleteRetentionDays }
    containerDeleteRetentionPolicy: { enabled: true, days: softDeleteRetentionDays }
  }
}

resource feeds 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'feeds'
  properties: { publicAccess: 'None' }
}

resource rejects 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'rejects'
  properties: { publicAccess: 'None' }
}

resource divisions 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'divisions'
  properties: { publicAccess: 'None' }
}

// Large feeds as departments upload them, each through a write-only URL signed with a user delegation key (the
// Hub's identity asks for the key; Storage Blob Data Contributor allows it). The Hub deletes a file once its archive
// holds it; the rule below deletes what was uploaded and never taken.
resource uploads 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'uploads'
  properties: { publicAccess: 'None' }
}

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-stale-uploads'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'], prefixMatch: ['uploads/'] }
            actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: staleUploadDays } } }
          }
        }
      ]
    }
  }
}

resource auditCheckpoints 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'auditcheckpoints'
  properties: { publicAccess: 'None' }
}

// Time-based retention (WORM) on the audit checkpoints: nobody, the Hub's identity and account owners included,
// can alter or delete a checkpoint before it ages out. Deployed unlocked so a mistaken period can still be fixed;
// an administrator locks it once the period is agreed (infra/README.md), after which it can only be extended, and
// redeploys with auditImmutabilityLocked=true: Azure refuses a PUT on a locked policy, even an unchanged one.
resource auditImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = if (!auditImmutabilityLocked) {
  parent: auditCheckpoints
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: auditRetentionDays
    // Each checkpoint is a block blob written once; nothing is ever appended under retention.
    allowProtectedAppendWrites: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in ['facts', 'residents', 'candidates', 'reviews', 'batches', 'audit', 'auditbyperson', 'grants', 'events', 'subscriptions', 'deliveries', 'worklist', 'corrections', 'keymap']: {
  parent: tableService
  name: table
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in ['feed-batches', 'feed-batches-poison', 'push-deliveries', 'push-deliveries-poison']: {
  parent: queueService
  name: queue
}]

// Deleting the account would take the archive, the facts and the audit trail with it.
resource noDelete 'Microsoft.Authorization/locks@2020-05-01' = {
  scope: account
  name: '${name}-no-delete'
  properties: {
    level: 'CanNotDelete'
    notes: 'The Hub\'s data, feed archive and audit checkpoints. Remove this lock only to retire the Hub.'
  }
}

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
