NAME          SPACES
ROWS
 N  COST
 L  LIM 1
 G  LIM 2
COLUMNS
    MY X      COST               1.5   LIM 1              2.
    MY X      LIM 2               1.
    Y         COST               -1.   LIM 1               1.
RHS
              LIM 1              10.   LIM 2               1.
BOUNDS
 UP BOUND     MY X                3.
ENDATA
