#!/usr/bin/Rscript
# Converts the Sonar and Ionosphere data sets of the R package mlbench (Debian: apt-get install -y r-cran-mlbench),
# once, into the CSVs that the `sonar` and `ionosphere` targets ship
# (samplers/src/main/resources/org/girsanov/samplers/targets/data/). Run from the repository root:
#
#     Rscript benchmarks/data/convert_mlbench.R
#
# Labels: Sonar M (mine) = 1, R (rock) = 0; Ionosphere good = 1, bad = 0. Ionosphere's factor columns V1 (0/1) and
# V2 (constant 0) become numbers. Values are written with 15 significant digits (they have at most 5 decimals).
# Nothing is downloaded.
library(mlbench)
out <- file.path("samplers", "src", "main", "resources", "org", "girsanov", "samplers", "targets", "data")
write_set <- function(df, positive, file) {
  x <- df[, setdiff(names(df), "Class")]
  x[] <- lapply(x, function(v) if (is.factor(v)) as.numeric(as.character(v)) else v)
  x$label <- as.integer(df$Class == positive)
  write.csv(format(x, digits = 15, trim = TRUE, scientific = FALSE), file.path(out, file),
            row.names = FALSE, quote = FALSE)
  cat(sprintf("wrote %d rows x %d features (mlbench %s) to %s\n", nrow(x), ncol(x) - 1,
              packageDescription("mlbench")$Version, file.path(out, file)))
}
data(Sonar)
data(Ionosphere)
write_set(Sonar, "M", "sonar.csv")
write_set(Ionosphere, "good", "ionosphere.csv")
