// Package storetest gives tests the databases to run against: SQLite in a
// temporary directory always, and the PostgreSQL server named by
// $GAIANET_TEST_POSTGRES, which .ci/run starts; under CI
// (sharedtest.Required) its absence fails the test instead of skipping
// PostgreSQL.
//
// It is imported by tests only.
package storetest
