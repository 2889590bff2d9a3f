// Prototypes of the reference-LAPACK (Fortran) routines this package calls.
// liblapack-dev ships the library but no C header, so we declare them here.
//
// Fortran ABI (gfortran): every argument by pointer, matrices column-major,
// INTEGER is 32-bit, and each CHARACTER argument adds a hidden length
// argument of type size_t at the end of the call.
#ifndef SCENARIO_CLAPACK_SHIM_H
#define SCENARIO_CLAPACK_SHIM_H

#include <stddef.h>

typedef int lapack_int;

/// LU factorisation with partial pivoting: A = P * L * U (in place).
void dgetrf_(const lapack_int *m, const lapack_int *n, double *a, const lapack_int *lda,
             lapack_int *ipiv, lapack_int *info);

/// Solves A X = B or A^T X = B with the factors from dgetrf_ (the tests use it as a reference).
void dgetrs_(const char *trans, const lapack_int *n, const lapack_int *nrhs,
             const double *a, const lapack_int *lda, const lapack_int *ipiv,
             double *b, const lapack_int *ldb, lapack_int *info, size_t trans_len);

/// Reciprocal condition number estimate of an LU-factorised matrix.
void dgecon_(const char *norm, const lapack_int *n, const double *a, const lapack_int *lda,
             const double *anorm, double *rcond, double *work, lapack_int *iwork,
             lapack_int *info, size_t norm_len);

/// One step of Hager and Higham's 1-norm estimator, by reverse communication:
/// the caller applies A^-1 (kase 1) or A^-T (kase 2) to x and calls again until kase is 0.
void dlacn2_(const lapack_int *n, double *v, double *x, lapack_int *isgn, double *est,
             lapack_int *kase, lapack_int *isave);

#endif
