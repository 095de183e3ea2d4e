"""The person record: every detail of one person with household, documents, vaccinations,
stays and the history of changes; editing and deleting it."""
