#!/usr/bin/env bash
# Puts tonight's SIS export (SDS v2.1 CSV files: orgs.csv, users.csv, roles.csv, and classes.csv with
# enrollments.csv when classes are managed) into the folder given as the first argument.
#
# This template reads the files a SIS drops into an Azure Storage container each night, with the job's own
# Entra ID session (azure/login; the app needs "Storage Blob Data Reader" on the container). Replace the body with
# whatever your SIS offers (SFTP, an export API, a file share): the rest of the workflow only needs the folder.
set -euo pipefail
out="$1"
mkdir -p "$out"
az storage blob download-batch \
  --account-name "$SIS_EXPORT_ACCOUNT" \
  --source "$SIS_EXPORT_CONTAINER" \
  --pattern '*.csv' \
  --destination "$out" \
  --auth-mode login \
  --overwrite \
  --only-show-errors
ls -l "$out"
