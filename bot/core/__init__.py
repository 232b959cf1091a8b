"""The pure core: domain models and services, free of chat SDKs and infrastructure."""
