NAME t
ROWS
 N obj
COLUMNS
 x obj 1
BOUNDS
 LO b x -10
 UP b x -5
ENDATA
