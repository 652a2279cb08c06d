// Package cputime owns reading the CPU time this process has used (user
// and system, every thread), the figure benchmarks report beside wall
// time because it hardly depends on what else the machine runs.
//
// It imports nothing from this module.
package cputime
