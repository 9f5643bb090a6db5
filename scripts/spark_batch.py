"""kamsang under Spark: pipe a list of paths through `kamsang batch - --jsonl -`.

Usage: spark-submit spark_batch.py PATHS.txt OUTDIR [KAMSANG]
PATHS.txt has one input path per line, readable on every worker (a shared
mount); OUTDIR receives part-* files, one JSON document per line (an order, or
{"path": ..., "error": ...} for a file that failed).
"""
import sys

from pyspark.sql import SparkSession

paths_file, out_dir = sys.argv[1], sys.argv[2]
kamsang = sys.argv[3] if len(sys.argv) > 3 else "kamsang"

spark = SparkSession.builder.appName("kamsang-batch").getOrCreate()
paths = spark.sparkContext.textFile(paths_file, minPartitions=4)
# One kamsang process per partition: paths in on stdin, JSON lines out, in order.
orders = paths.pipe(f"{kamsang} batch - --jsonl - -j 1 --progress none")
orders.saveAsTextFile(out_dir)
spark.stop()
